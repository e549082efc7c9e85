using Course.Web.Api.Delivery.Querying;

namespace Course.Web.Tests.Delivery;

public sealed class PropertySelectionTests
{
    [Fact]
    public void All_selects_every_property_one_level_deep()
    {
        var selection = Parse("properties[$all]");
        var chapters = selection.Next("chapters");
        Assert.NotNull(chapters);
        Assert.Equal(PropertySelection.All, chapters.Key);
        Assert.Null(chapters.Next("techniques"));
    }

    [Fact]
    public void Listed_aliases_are_selected_and_others_are_not()
    {
        var selection = Parse("properties[muscles,regions]");
        Assert.True(selection.ListsProperties);
        Assert.NotNull(selection.Next("muscles"));
        Assert.NotNull(selection.Next("regions"));
        Assert.Null(selection.Next("summary"));
    }

    [Fact]
    public void Nested_selections_reach_the_properties_of_picked_items()
    {
        var selection = Parse("properties[chapters[properties[start,techniques[properties[muscles]]]]]");
        var chapters = selection.Next("chapters")!;
        Assert.NotNull(chapters.Next("start"));
        Assert.Null(chapters.Next("title"));
        var techniques = chapters.Next("techniques")!;
        Assert.NotNull(techniques.Next("muscles"));
        Assert.Null(techniques.Next("regions"));
    }

    [Fact]
    public void The_defaults_expand_nothing_and_include_everything()
    {
        Assert.Null(PropertySelection.ExpandNone.Next("chapters"));
        Assert.NotNull(PropertySelection.IncludeAll.Next("chapters"));
        Assert.False(PropertySelection.IncludeAll.Next("chapters")!.ListsProperties);
    }

    [Theory]
    [InlineData("properties[a", "brackets do not pair up")]
    [InlineData("[properties]", "starts with a bracket")]
    [InlineData("properties[]", "empty brackets")]
    [InlineData("a]b[", "closes before one opens")]
    [InlineData("all", "must be \"properties[…]\"")]
    [InlineData("property:chapters", "must be \"properties[…]\"")]
    public void Malformed_values_are_refused_with_the_reason(string value, string reason)
    {
        Assert.Null(PropertySelection.TryParse(value, out var error));
        Assert.Contains(reason, error);
    }

    private static PropertySelection Parse(string value) =>
        PropertySelection.TryParse(value, out var error) ?? throw new InvalidOperationException(error);
}
