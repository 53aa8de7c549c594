using OpenData.Web.Features.Datasets;
using OpenData.Web.Features.Interaction;

namespace OpenData.Web.Features.Showcase;

/// <summary>The approved apps built on a dataset, as 应用成果 nodes of its 数据图谱.</summary>
public sealed class ShowcaseGraph(ShowcaseQueries queries) : IDatasetGraphExtension
{
    public string Category => "应用成果";

    public async Task<IReadOnlyList<GraphExtraNode>> NodesAsync(string slug, CancellationToken ct) =>
        (await queries.BuiltOnAsync(ItemKinds.Dataset, slug, 8, ct)).Select(a => new GraphExtraNode("app:" + a.Id, a.Name, "/apps/" + a.Id, 30, "应用成果")).ToList();
}
