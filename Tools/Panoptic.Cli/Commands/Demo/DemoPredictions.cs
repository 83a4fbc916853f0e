using Microsoft.Extensions.DependencyInjection;
using Panoptic.Abstractions.Modeling;
using Panoptic.Core.Data.Loading;
using Panoptic.Core.Engine.Checkpointing;
using Panoptic.Core.Hosting;
using Panoptic.Core.Visualization;
using Panoptic.Evaluation.PanopticQuality;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using Panoptic.Torch.Vision;

namespace Panoptic.Cli.Commands.Demo;

using Torch = Panoptic.Torch.Torch;

/// <summary>One validation image of the report: the image, its ground truth and the prediction, painted.</summary>
/// <param name="FileName">The image file (no folder).</param>
/// <param name="Height">Image height.</param>
/// <param name="Width">Image width.</param>
/// <param name="Image">H×W×3 RGB.</param>
/// <param name="GroundTruth">The ground truth painted over the image (H×W×3 RGB).</param>
/// <param name="GroundTruthSegments">Its segments.</param>
/// <param name="Prediction">The prediction painted over the image.</param>
/// <param name="PredictionSegments">Its segments.</param>
internal sealed record DemoPanel(
    string FileName, int Height, int Width, byte[] Image,
    byte[] GroundTruth, IReadOnlyList<PaintedSegment> GroundTruthSegments,
    byte[] Prediction, IReadOnlyList<PaintedSegment> PredictionSegments);

/// <summary>Runs the trained model on the first validation images and paints ground truth and prediction.</summary>
internal static class DemoPredictions
{
    /// <param name="config">The demo config.</param>
    /// <param name="overrides">The demo's overrides.</param>
    /// <param name="weights">The trained checkpoint.</param>
    /// <param name="count">Images to predict (the first of the validation split).</param>
    public static IReadOnlyList<DemoPanel> Run(string config, IReadOnlyList<string> overrides, string weights, int count)
    {
        var runtime = PanopticRuntime.Load(config, overrides);
        var pipeline = DataPipeline.From(runtime.Services);
        var validation = pipeline.LoadTest()[0];
        var subset = validation with { Records = validation.Records.Take(count).ToList() };
        using var model = (Module)runtime.Services.GetRequiredService<MetaArchitectureRegistry>()
            .Build(runtime.Config!.Model!, new MetaArchitectureContext(validation.Metadata));
        InitialWeights.Load(model, weights, strict: true);
        model.Eval();
        var panels = new List<DemoPanel>();
        foreach (var batch in pipeline.TestLoader(subset).Batches())
        {
            using (batch)
            using (Torch.NoGrad())
            using (var scope = Torch.NewDisposeScope())
            {
                var outputs = ((IMetaArchitecture)model).Inference(batch.Inputs);
                for (var i = 0; i < outputs.Count; i++)
                {
                    var record = batch.Inputs[i].Record!;
                    using var decoded = ImageCodec.Read(record.FileName, ColorOrder.Rgb);
                    var (height, width) = ((int)decoded.Size(0), (int)decoded.Size(1));
                    var rgb = decoded.Contiguous().ToArray<byte>();
                    var (_, _, gtIds) = PanopticIds.ReadPng(record.PanopticSegmentationFile!);
                    var gtSegments = PanopticSegmentsToPaint.Of(record.Segments, validation.Metadata);
                    var prediction = outputs[i].Panoptic ?? throw new InvalidOperationException($"{runtime.Config.Model!.Name} returned no panoptic result");
                    using var predIds = prediction.Segmentation.To(DType.Int32).Contiguous();
                    var predSegments = PanopticSegmentsToPaint.Of(prediction, validation.Metadata);
                    panels.Add(new DemoPanel(
                        Path.GetFileName(record.FileName), height, width, rgb,
                        PanopticPainter.Paint(rgb, height, width, gtIds, gtSegments), gtSegments,
                        PanopticPainter.Paint(rgb, height, width, predIds.ToArray<int>(), predSegments), predSegments));
                }
            }
        }
        return panels;
    }
}
