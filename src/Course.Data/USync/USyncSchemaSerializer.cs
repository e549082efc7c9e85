using System.Xml.Linq;

namespace Course.Data.USync;

/// <summary>
/// Course's data types and document types as uSync's DataTypeSerializer and ContentTypeSerializer write
/// them, plus the folder's <c>usync.config</c> version file.
/// </summary>
internal static class USyncSchemaSerializer
{
    // The uSync release and file format Course's files follow (uSync.Core's FormatVersion).
    private const string USyncVersion = "17.0.0";
    private const string FormatVersion = "10.7.0";

    public static XDocument VersionFile() =>
        Document(new XElement("uSync", new XAttribute("version", USyncVersion), new XAttribute("format", FormatVersion)));

    public static XDocument Serialize(DataTypeDefinition dataType) =>
        Document(new XElement("DataType",
            new XAttribute("Key", dataType.Key),
            new XAttribute("Alias", dataType.Name), // uSync's "alias" of a data type is its name
            new XAttribute("Level", 1),
            new XElement("Info",
                new XElement("Name", dataType.Name),
                new XElement("EditorAlias", dataType.Editor.Alias),
                new XElement("EditorUIAlias", dataType.Editor.UiAlias)),
            new XElement("Config", new XCData(SortedJson.Canonical(dataType.ConfigJson ?? "{}")))));

    public static XDocument Serialize(DocumentTypeDefinition type) =>
        Document(new XElement("ContentType",
            new XAttribute("Key", type.Key),
            new XAttribute("Alias", type.Alias),
            new XAttribute("Level", 1),
            new XElement("Info",
                new XElement("Name", type.Name),
                new XElement("Icon", type.Icon),
                new XElement("Thumbnail", "folder.png"),
                new XElement("Description", ""),
                new XElement("AllowAtRoot", type.AllowAtRoot.ToString()), // uSync writes True/False here
                new XElement("ListView", Guid.Empty),
                new XElement("Variations", "Nothing"),
                new XElement("IsElement", type.IsElement),
                new XElement("HistoryCleanup",
                    new XElement("PreventCleanup", false.ToString()),
                    new XElement("KeepAllVersionsNewerThanDays", ""),
                    new XElement("KeepLatestVersionPerDayForDays", "")),
                new XElement("Compositions"),
                new XElement("DefaultTemplate", ""),
                new XElement("AllowedTemplates")),
            new XElement("Structure"),
            new XElement("GenericProperties",
                type.Properties.OrderBy(p => p.Alias, StringComparer.Ordinal).Select(Property)),
            new XElement("Tabs",
                new XElement("Tab",
                    new XElement("Key", type.TabKey),
                    new XElement("Caption", "Content"),
                    new XElement("Alias", "content"),
                    new XElement("Type", "Group"),
                    new XElement("SortOrder", 0)))));

    private static XElement Property(PropertyDefinition property) =>
        new("GenericProperty",
            new XElement("Key", property.Key),
            new XElement("Name", property.Name),
            new XElement("Alias", property.Alias),
            new XElement("Definition", property.DataType.Key),
            new XElement("Type", property.DataType.Editor.Alias),
            new XElement("Mandatory", property.Mandatory),
            new XElement("Validation", ""),
            new XElement("Description", new XCData(property.Description)),
            new XElement("SortOrder", property.SortOrder),
            new XElement("Tab", new XAttribute("Alias", "content"), "Content"),
            new XElement("Variations", "Nothing"),
            new XElement("MandatoryMessage", ""),
            new XElement("ValidationRegExpMessage", ""),
            new XElement("LabelOnTop", false));

    private static XDocument Document(XElement root) => new(new XDeclaration("1.0", "utf-8", null), root);
}
