using System.Text.Json;
using Panoptic.Torch.Tests.Support;
using Panoptic.Torch.Vision;

namespace Panoptic.Torch.Tests.Vision;

/// <summary>NMS and batched NMS against <c>torchvision.ops</c> on random boxes with ties and several classes.</summary>
public class NmsTests
{
    private const string Reference = """
        import json, torch
        from torchvision.ops import nms, batched_nms
        g = torch.Generator().manual_seed(3)
        out = {}
        for n in (0, 1, 50, 1200):
            xy = torch.rand(n, 2, generator=g) * 100
            wh = torch.rand(n, 2, generator=g) * 40 + 1
            boxes = torch.cat([xy, xy + wh], 1)
            scores = (torch.rand(n, generator=g) * 10).round() / 10  # many ties
            idxs = torch.randint(0, 4, (n,), generator=g)
            out[str(n)] = {"boxes": boxes.flatten().tolist(), "scores": scores.tolist(), "idxs": idxs.tolist(),
                           "nms": nms(boxes, scores, 0.5).tolist(),
                           "batched": batched_nms(boxes, scores, idxs, 0.5).tolist()}
        print(json.dumps(out))
        """;

    private static readonly Lazy<JsonElement> Expected = new(() => JsonDocument.Parse(PythonReference.Run(Reference)).RootElement);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(50)]
    [InlineData(1200)]
    public void Nms_and_batched_nms_keep_exactly_what_torchvision_keeps(int n)
    {
        using var scope = Torch.NewDisposeScope();
        var e = Expected.Value.GetProperty(n.ToString());
        var boxes = Torch.From(e.GetProperty("boxes").EnumerateArray().Select(v => v.GetSingle()).ToArray(), n, 4);
        var scores = Torch.From(e.GetProperty("scores").EnumerateArray().Select(v => v.GetSingle()).ToArray(), n);
        var idxs = Torch.From(e.GetProperty("idxs").EnumerateArray().Select(v => v.GetInt64()).ToArray(), n);
        Ops.Nms(boxes, scores, 0.5).ToArray<long>().Should().Equal(e.GetProperty("nms").EnumerateArray().Select(v => v.GetInt64()));
        Ops.BatchedNms(boxes, scores, idxs, 0.5).ToArray<long>()
            .Should().Equal(e.GetProperty("batched").EnumerateArray().Select(v => v.GetInt64()));
    }

    [Fact]
    public void Suppression_is_strictly_above_the_threshold()
    {
        using var scope = Torch.NewDisposeScope();
        // Two boxes with IoU exactly 0.5: [0,0,2,1] and [1,0,3,1] overlap 1 of union 3 → 1/3; use [0,0,3,1] vs [1,0,3,1]: 2/3.
        var boxes = Torch.From(new float[] { 0, 0, 4, 1, 0, 0, 2, 1, 10, 10, 11, 11 }, 3, 4);
        var scores = Torch.From(new float[] { 0.9f, 0.8f, 0.7f });
        Ops.Nms(boxes, scores, 0.5).ToArray<long>().Should().Equal(0, 1, 2); // IoU = 0.5, not > 0.5
        Ops.Nms(boxes, scores, 0.49).ToArray<long>().Should().Equal(0, 2);
    }
}
