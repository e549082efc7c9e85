using Course.Web.Api.Delivery.Querying;

namespace Course.Web.Tests.Delivery;

public sealed class ContentQueryTests
{
    [Fact]
    public void No_parameters_is_every_item_ten_at_a_time()
    {
        var query = Parse(null, [], [], null, null);
        Assert.Null(query.Fetch);
        Assert.Empty(query.Filters);
        Assert.Empty(query.Sorts);
        Assert.Equal((0, 10), (query.Skip, query.Take));
    }

    [Theory]
    [InlineData("ancestors:abc", FetchAxis.Ancestors, "abc")]
    [InlineData("Children:/sciatica/", FetchAxis.Children, "/sciatica/")]
    [InlineData("descendants:918c3086-e397-43a5-879b-bc1e6a347115", FetchAxis.Descendants, "918c3086-e397-43a5-879b-bc1e6a347115")]
    [InlineData("children:", FetchAxis.Children, "")]
    public void Fetch_names_an_axis_and_a_target(string fetch, FetchAxis axis, string target) =>
        Assert.Equal(new FetchOption(axis, target), Parse(fetch, [], [], null, null).Fetch);

    [Fact]
    public void Filters_read_as_umbracos_handlers_read_them()
    {
        var query = Parse(null, ["contentType:technique", "contentType:!courseVideo", "name:fascia", "name:!hip", "", "createDate>:2023-01-01", "updateDate<2024-06-30T12:00:00Z"], [], null, null);
        Assert.Equal<ContentFilter>(
            [
                new ContentTypeFilter("technique", false),
                new ContentTypeFilter("courseVideo", true),
                new NameFilter("fascia", false),
                new NameFilter("hip", true),
                new DateFilter(DateField.CreateDate, Comparison.GreaterThanOrEqual, new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
                new DateFilter(DateField.UpdateDate, Comparison.LessThan, new DateTime(2024, 6, 30, 12, 0, 0, DateTimeKind.Utc)),
            ],
            query.Filters);
    }

    [Theory]
    [InlineData(">", "2024-01-02", true)]
    [InlineData(">", "2024-01-01", false)]
    [InlineData(">:", "2024-01-01", true)]
    [InlineData("<", "2023-12-31", true)]
    [InlineData("<:", "2024-01-01", true)]
    [InlineData("<", "2024-01-01", false)]
    [InlineData(":", "2024-01-01", true)]
    [InlineData(":!", "2024-01-01", false)]
    public void Date_comparisons_compare_the_items_date_with_the_value(string op, string itemDate, bool matches)
    {
        var filter = (DateFilter)ContentFilter.Parse($"createDate{op}2024-01-01", out _)!;
        Assert.Equal(matches, filter.Matches(DateTime.Parse(itemDate + "T00:00:00Z").ToUniversalTime()));
    }

    [Fact]
    public void Sorts_keep_their_order_and_direction()
    {
        var query = Parse(null, [], ["name:asc", "createDate:DESC", "updateDate:desc", "sortOrder:asc", "level:desc", ""], null, null);
        Assert.Equal(
            [new(SortField.Name, false), new(SortField.CreateDate, true), new(SortField.UpdateDate, true), new(SortField.SortOrder, false), new ContentSort(SortField.Level, true)],
            query.Sorts);
    }

    [Theory]
    [InlineData("siblings:x", null, null, null, null, "fetch")]
    [InlineData(null, "title:x", null, null, null, "filter")]
    [InlineData(null, "createDate>soon", null, null, null, "filter")]
    [InlineData(null, "createDate=2024-01-01", null, null, null, "filter")]
    [InlineData(null, null, "name", null, null, "sort")]
    [InlineData(null, null, "name:ascending", null, null, "sort")]
    [InlineData(null, null, "1:asc", null, null, "sort")]
    [InlineData(null, null, "name,level:asc", null, null, "sort")]
    [InlineData(null, null, null, "-1", null, "skip")]
    [InlineData(null, null, null, null, "lots", "take")]
    public void A_bad_parameter_is_named(string? fetch, string? filter, string? sort, string? skip, string? take, string parameter)
    {
        Assert.Null(ContentQuery.Parse(fetch, filter is null ? [] : [filter], sort is null ? [] : [sort], skip, take, out var problem));
        Assert.Equal(parameter, problem!.Parameter);
        Assert.Contains($"'{parameter}'", problem.Detail);
    }

    private static ContentQuery Parse(string? fetch, string[] filters, string[] sorts, string? skip, string? take) =>
        ContentQuery.Parse(fetch, filters, sorts, skip, take, out var problem) ?? throw new InvalidOperationException(problem!.Detail);
}
