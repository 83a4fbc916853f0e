using Panoptic.Abstractions.Structures;
using Panoptic.Modeling.Geometry;
using Panoptic.Plugins.MaskRCNN.RoIHeads;
using Panoptic.Plugins.MaskRCNN.Tests.Support;
using Panoptic.Torch;

namespace Panoptic.Plugins.MaskRCNN.Tests.RoIHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>At test the cascade's class scores are the mean of the stages' softmax probabilities; boxes come from the last stage.</summary>
public sealed class CascadeInferenceTests
{
    /// <summary>
    /// Two boxes, K = 2, three stages. Box 0's stage probabilities (class 0, class 1, background) are (0.6, 0.3, 0.1),
    /// (0.2, 0.7, 0.1) and (0.1, 0.1, 0.8): their mean (0.3, 0.3667, 0.3333) makes two detections, class 1 at 0.3667
    /// and class 0 at 0.3, though stage 0 alone would score class 0 at 0.6. Box 1 is background (0.98) in every stage.
    /// The last stage's deltas (3, 0, 0, 0) at weights (30, 30, 15, 15) move box 0 by a tenth of its width.
    /// </summary>
    [Fact]
    public void Scores_are_averaged_over_stages_and_boxes_come_from_the_last_stage()
    {
        using var scope = Torch.NewDisposeScope();
        Tensor Logits(params double[][] probabilities) =>
            Torch.From(probabilities.SelectMany(p => p.Select(v => (float)Math.Log(v))).ToArray(), probabilities.Length, 3);
        double[] background = [0.01, 0.01, 0.98];
        var stageScores = new[]
        {
            Logits([0.6, 0.3, 0.1], background),
            Logits([0.2, 0.7, 0.1], background),
            Logits([0.1, 0.1, 0.8], background),
        };
        var deltas = Torch.From([3f, 0, 0, 0, 0, 0, 0, 0], 2, 4);
        var boxes = Torch.From([10f, 10, 50, 30, 100, 100, 140, 160], 2, 4);

        var detections = FastRCNNInference.Run(stageScores, deltas, [boxes], [(200, 200)], new BoxCoder(TinyCascade.Weights[2]), TinyCascade.Settings)[0];

        detections.Get<Tensor>(InstanceFields.PredClasses).ToArray<long>().Should().Equal(1, 0);
        detections.Get<Tensor>(InstanceFields.Scores).ToArray<float>().Should().Equal([(0.3f + 0.7f + 0.1f) / 3, (0.6f + 0.2f + 0.1f) / 3],
            (a, b) => Math.Abs(a - b) < 1e-6f);
        detections.Get<Boxes>(InstanceFields.PredBoxes).Tensor.ToArray<float>().Should().Equal([14f, 10, 54, 30, 14, 10, 54, 30],
            (a, b) => Math.Abs(a - b) < 1e-4f);
    }

    /// <summary>One stage is plain Fast R-CNN: the same detections as the single-stage overload, bit for bit.</summary>
    [Fact]
    public void One_stage_is_fast_rcnn_inference()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(2);
        var scores = Torch.Randn([30, 4]) * 2;
        var deltas = Torch.Randn([30, 12]) * 0.3;
        var corners = Torch.Rand([30, 2]) * 80;
        var proposals = Torch.Cat([corners, corners + 10 + Torch.Rand([30, 2]) * 30], 1);
        var coder = new BoxCoder([10.0, 10.0, 5.0, 5.0]);
        var single = FastRCNNInference.Run(scores, deltas, [proposals], [(120, 120)], coder, TinyCascade.Settings)[0];
        var listed = FastRCNNInference.Run([scores], deltas, [proposals], [(120, 120)], coder, TinyCascade.Settings)[0];
        single.Get<Tensor>(InstanceFields.Scores).Size(0).Should().BeGreaterThan(0);
        listed.Get<Tensor>(InstanceFields.Scores).ToArray<float>().Should().Equal(single.Get<Tensor>(InstanceFields.Scores).ToArray<float>());
        listed.Get<Boxes>(InstanceFields.PredBoxes).Tensor.ToArray<float>().Should().Equal(single.Get<Boxes>(InstanceFields.PredBoxes).Tensor.ToArray<float>());
    }
}
