// office-addin-mock imports office-addin-manifest only for its host names; that package's ESM dependency
// (strip-bom) cannot load under jest on Node 20. The host names are all the mock needs from it.
module.exports = {
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
};
