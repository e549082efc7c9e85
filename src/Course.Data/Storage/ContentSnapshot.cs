using System.Text.Json;

namespace Course.Data.Storage;

/// <summary>A whole video or technique as JSON: how versions and the live copy of a published node are kept.</summary>
internal static class ContentSnapshot
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T content) => JsonSerializer.Serialize(content, Json);

    public static T Read<T>(string snapshot) => JsonSerializer.Deserialize<T>(snapshot, Json)!;
}
