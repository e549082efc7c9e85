using Course.Core.Content;
using Course.Web.Api.Delivery;
using Course.Web.Api.Delivery.Querying;

namespace Course.Web.Tests.Delivery;

public sealed class DeliveryContentTests
{
    private static readonly Video Video = new()
    {
        Key = Guid.NewGuid(), Title = "Open fists", Slug = "open-fists", Source = "/media/a.mp4", Published = true,
        CreateDate = new DateTime(2026, 1, 1), UpdateDate = new DateTime(2026, 1, 2),
    };

    private static readonly Technique Technique = new()
    {
        Key = Guid.NewGuid(), Name = "Open fists technique", Slug = "open-fists", Published = true,
        CreateDate = new DateTime(2026, 1, 3), UpdateDate = new DateTime(2026, 1, 3),
    };

    [Fact]
    public void Two_roots_sharing_a_segment_route_to_the_first_in_tree_order()
    {
        var content = new DeliveryContent([Video], [Technique], preview: false);
        Assert.Same(content.Items[0], content.FindByPath("/open-fists/", startItem: null));
        Assert.Equal(Video.Key, content.Items[0].Key);
        Assert.Equal(Technique.Key, content.Find(Technique.Key)?.Key);
    }

    [Fact]
    public void An_unpublished_draft_routes_by_key_and_only_in_preview()
    {
        var draft = Technique with { Published = false };
        var preview = new DeliveryContent([], [draft], preview: true);
        var route = DeliveryContent.RouteOf(preview.Items[0]);
        Assert.Equal($"/preview-{draft.Key:D}/", route.Path);
        Assert.Equal(new ApiContentStartItem(draft.Key, "open-fists"), route.StartItem);
        Assert.Same(preview.Items[0], preview.FindByPath(route.Path, startItem: null));
        Assert.Null(new DeliveryContent([], [draft], preview: false).FindByPath(route.Path, startItem: null));
    }

    [Fact]
    public void Sorts_apply_in_order_then_tree_order_and_paging_counts_every_match()
    {
        var content = new DeliveryContent([Video], [Technique, Technique with { Key = Guid.NewGuid(), Name = "Alpha", Slug = "alpha" }], preview: false);
        var query = ContentQuery.Parse(null, ["name:!alpha"], ["createDate:desc"], "0", "1", out _)!;
        var (total, page) = content.Query(query, startItem: null);
        Assert.Equal(2, total);
        Assert.Equal(Technique.Key, Assert.Single(page).Key);
    }
}
