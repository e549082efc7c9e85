using System.Net;
using System.Text.Json;
using Course.Web.Tests.Site;

namespace Course.Web.Tests.Delivery;

/// <summary>The contract checker itself, and Course's OpenAPI document beside Umbraco's.</summary>
[Collection(SeededSiteCollection.Name)]
public sealed class DeliveryContractTests(CourseSite site)
{
    [Fact]
    public void The_checker_refuses_an_item_that_breaks_the_contract()
    {
        var schema = DeliveryContract.Schema("/components/schemas/IApiContentResponseModel");
        var valid = JsonDocument.Parse("""
            {"contentType":"technique","name":"x","createDate":"2026-01-05T10:00:00Z","updateDate":"2026-01-05T10:00:00Z",
             "route":{"path":"/x/","startItem":{"id":"e8389764-c39c-4164-92dd-6b2a4a681f64","path":"x"}},
             "id":"e8389764-c39c-4164-92dd-6b2a4a681f64","properties":{},"cultures":{}}
            """).RootElement;
        Assert.Empty(DeliveryContract.Problems(schema, valid));
        var noRoute = JsonDocument.Parse(valid.GetRawText().Replace("\"route\"", "\"routes\"")).RootElement;
        Assert.NotEmpty(DeliveryContract.Problems(schema, noRoute));
        var badId = JsonDocument.Parse(valid.GetRawText().Replace("\"id\":\"e8389764-c39c-4164-92dd-6b2a4a681f64\",\"properties\"", "\"id\":\"not-a-guid\",\"properties\"")).RootElement;
        Assert.NotEmpty(DeliveryContract.Problems(schema, badId));
        var localDate = JsonDocument.Parse(valid.GetRawText().Replace("\"createDate\":\"2026-01-05T10:00:00Z\"", "\"createDate\":\"5 January 2026\"")).RootElement;
        Assert.NotEmpty(DeliveryContract.Problems(schema, localDate));
    }

    [Fact]
    public async Task Courses_openapi_document_has_umbracos_content_operations()
    {
        var response = await site.CreateClient().GetAsync("/umbraco/swagger/delivery/swagger.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var course = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Umbraco Delivery API", course.GetProperty("info").GetProperty("title").GetString());
        var umbraco = DeliveryContract.Document.RootElement.GetProperty("paths");
        var contentPaths = umbraco.EnumerateObject().Where(p => p.Name.StartsWith(DeliveryContract.Content)).ToList();
        Assert.Equal(4, contentPaths.Count);
        var coursePaths = course.GetProperty("paths");
        foreach (var path in contentPaths)
        {
            // ASP.NET Core writes the catch-all {**path} as {path}.
            var operation = coursePaths.GetProperty(path.Name).GetProperty("get");
            Assert.Equal(path.Value.GetProperty("get").GetProperty("operationId").GetString(), operation.GetProperty("operationId").GetString());
            var parameters = operation.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
            foreach (var expected in path.Value.GetProperty("get").GetProperty("parameters").EnumerateArray())
            {
                var name = expected.GetProperty("name").GetString()!;
                Assert.True(parameters.TryGetValue(name, out var parameter), $"{path.Name} has no parameter {name}");
                Assert.Equal(expected.GetProperty("in").GetString(), parameter.GetProperty("in").GetString());
                Assert.Equal(expected.GetProperty("schema").GetProperty("type").GetRawText(), parameter.GetProperty("schema").GetProperty("type").GetRawText());
                if (expected.TryGetProperty("description", out var description))
                    Assert.Equal(description.GetString(), parameter.GetProperty("description").GetString());
            }
        }
        var scheme = course.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKeyAuth");
        Assert.Equal("Api-Key", scheme.GetProperty("name").GetString());
        Assert.True(course.GetProperty("components").GetProperty("schemas").TryGetProperty("IApiContentResponseModel", out _));
        // The site's own document keeps to the site's API.
        var site1 = await site.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.DoesNotContain("/umbraco/delivery", site1);
    }
}
