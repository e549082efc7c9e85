namespace Course.Core.Content;

/// <summary>Umbraco's document identifier: <c>umb://document/{key as 32 hex digits}</c>.</summary>
public static class Udi
{
    private const string DocumentPrefix = "umb://document/";

    public static string ForDocument(Guid key) => DocumentPrefix + key.ToString("N");

    public static bool TryParseDocument(string? udi, out Guid key)
    {
        key = Guid.Empty;
        return udi is not null
            && udi.StartsWith(DocumentPrefix, StringComparison.OrdinalIgnoreCase)
            && Guid.TryParseExact(udi[DocumentPrefix.Length..], "N", out key);
    }
}
