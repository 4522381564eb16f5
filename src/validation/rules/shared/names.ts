/** How rules name what they report on, shared by every rule. */
import type { FormText, Project } from '../../model';
import { displayName, textKey } from '../../normalize';

export function projectName(project: Project): string {
  return project.name ? displayName(project.name.text) : `第 ${project.firstRow + 1} 行起的项目`;
}

const TARGET_LABEL = /(目标|概述|概况)$/;

/** The label that makes a form text a target: the one left of it, or the one above it. */
export function targetLabel(text: FormText): string | undefined {
  return [text.left, text.above].find((label) => TARGET_LABEL.test(textKey(label)));
}
