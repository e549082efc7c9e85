using System.Text.Json;
using System.Xml.Linq;
using Course.Umbraco.Chapters;
using Course.Umbraco.Content;

namespace Course.Umbraco.Tests;

/// <summary>
/// The repository's <c>uSync/v17</c> document types, the ones an Umbraco site imports, against what the package reads:
/// every alias it reads is there, and the description is edited with the package's own property editor.
/// </summary>
public sealed class USyncDocumentTypeTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "uSync", "v17");

    [Fact]
    public void The_description_uses_a_data_type_of_the_packages_chapters_editor_and_its_backoffice_element()
    {
        var description = Properties("coursevideo.config")[CourseDocumentTypes.VideoProperties.Description];
        var dataType = Directory.GetFiles(Path.Combine(Folder, "DataTypes"), "*.config").Select(XDocument.Load)
            .Single(d => (string?)d.Root!.Attribute("Key") == description.Element("Definition")!.Value).Root!;
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "src", "Course.Umbraco", "wwwroot", "App_Plugins", "Course.Umbraco", "umbraco-package.json")));
        var element = manifest.RootElement.GetProperty("extensions").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "propertyEditorUi");

        Assert.Equal(CourseChaptersDataEditor.Alias, description.Element("Type")!.Value);
        Assert.Equal(CourseChaptersDataEditor.Alias, dataType.Element("Info")!.Element("EditorAlias")!.Value);
        Assert.Equal(element.GetProperty("alias").GetString(), dataType.Element("Info")!.Element("EditorUIAlias")!.Value);
    }

    [Fact]
    public void Every_property_the_package_reads_is_in_the_document_types()
    {
        Assert.Equal(CourseDocumentTypes.Video, DocumentType("coursevideo.config").Attribute("Alias")!.Value);
        Assert.Equal(CourseDocumentTypes.Technique, DocumentType("technique.config").Attribute("Alias")!.Value);
        Assert.Subset(Properties("coursevideo.config").Keys.ToHashSet(), Constants(typeof(CourseDocumentTypes.VideoProperties)));
        Assert.Subset(Properties("technique.config").Keys.ToHashSet(), Constants(typeof(CourseDocumentTypes.TechniqueProperties)));
        Assert.Equal("Umbraco.BlockList", Properties("coursevideo.config")[CourseDocumentTypes.VideoProperties.Chapters].Element("Type")!.Value);
    }

    private static XElement DocumentType(string file) => XDocument.Load(Path.Combine(Folder, "ContentTypes", file)).Root!;

    private static Dictionary<string, XElement> Properties(string file) =>
        DocumentType(file).Element("GenericProperties")!.Elements("GenericProperty").ToDictionary(p => p.Element("Alias")!.Value);

    private static HashSet<string> Constants(Type type) =>
        type.GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
}
