using System.Text.Json.Nodes;
using Course.Core.Content;

namespace Course.Data.USync;

/// <summary>
/// Writes the value of an Umbraco 15+ block list property holding elements of one element type of Course's schema:
/// how a video keeps its chapters and its captions. <see cref="BlockListReader"/> (Course.Core) reads it back.
/// </summary>
internal static class BlockList
{
    private const string LayoutAlias = BlockListReader.LayoutAlias;

    /// <summary>The blocks in order, each value written as the element type's property editor expects; no blocks is an empty value.</summary>
    public static string Write(DocumentTypeDefinition elementType, IReadOnlyList<(Guid Key, IReadOnlyList<(string Alias, JsonNode? Value)> Values)> blocks)
    {
        if (blocks.Count == 0) return "";
        var json = new JsonObject
        {
            ["contentData"] = new JsonArray(blocks.Select(block => (JsonNode)new JsonObject
            {
                ["contentTypeKey"] = elementType.Key,
                ["key"] = block.Key,
                ["values"] = new JsonArray(block.Values.OrderBy(v => v.Alias, StringComparer.Ordinal).Select(v => (JsonNode)new JsonObject
                {
                    ["alias"] = v.Alias,
                    ["culture"] = null,
                    ["editorAlias"] = elementType.Property(v.Alias).DataType.Editor.Alias,
                    ["segment"] = null,
                    ["value"] = v.Value,
                }).ToArray()),
            }).ToArray()),
            // Umbraco shows only the blocks listed here; every block is shown.
            ["expose"] = new JsonArray(blocks.Select(block => (JsonNode)new JsonObject
            {
                ["contentKey"] = block.Key,
                ["culture"] = null,
                ["segment"] = null,
            }).ToArray()),
            ["layout"] = new JsonObject
            {
                [LayoutAlias] = new JsonArray(blocks.Select(block => (JsonNode)new JsonObject
                {
                    ["contentKey"] = block.Key,
                    ["settingsKey"] = null,
                }).ToArray()),
            },
            ["settingsData"] = new JsonArray(),
        };
        return SortedJson.Write(json);
    }
}
