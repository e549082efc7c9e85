namespace Course.Umbraco.Api;

/// <summary>Authorization policies the package's editor endpoints require; Umbraco defines them.</summary>
public static class CoursePolicies
{
    /// <summary>
    /// Umbraco's policy for backoffice users with the Content section
    /// (<c>Umbraco.Cms.Web.Common.Authorization.AuthorizationPolicies.SectionAccessContent</c>, not in Umbraco.Cms.Core):
    /// the bearer token the backoffice sends with every request.
    /// </summary>
    public const string Editors = "SectionAccessContent";
}
