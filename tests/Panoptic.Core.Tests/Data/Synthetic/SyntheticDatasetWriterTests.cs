using System.Security.Cryptography;
using FluentAssertions;
using Panoptic.Core.Data.Coco;
using Panoptic.Core.Data.Synthetic;
using Panoptic.Core.Data.Validation;
using Panoptic.Core.Tests.Support;
using Panoptic.Evaluation.Coco;
using Panoptic.Evaluation.PanopticQuality;
using Xunit;

namespace Panoptic.Core.Tests.Data.Synthetic;

public sealed class SyntheticDatasetWriterTests(SyntheticSet set) : IClassFixture<SyntheticSet>
{
    [Fact]
    public void The_same_seed_gives_the_same_bytes_whatever_the_parallelism()
    {
        using var serial = new TempDirectory();
        using var other = new TempDirectory();
        SyntheticDatasetWriter.Write(set.Options with { OutputDir = serial.Path, MaxParallelism = 1 });
        SyntheticDatasetWriter.Write(set.Options with { OutputDir = other.Path, Seed = 12 });

        var reference = Hashes(set.Root);
        reference.Should().HaveCount(1 + 2 * 2 + 8 + 8, "categories, 2 JSON per split, 8 images, 8 PNGs");
        Hashes(serial.Path).Should().Equal(reference);
        var changed = Hashes(other.Path);
        changed.Keys.Should().Equal(reference.Keys);
        changed.Where(kv => reference[kv.Key] != kv.Value).Should().HaveCountGreaterThan(15, "another seed draws other scenes (only categories.json is equal)");
    }

    [Fact]
    public void Its_output_passes_the_validator()
    {
        foreach (var split in SyntheticLayout.Splits)
        {
            var panoptic = CocoPanopticReader.Read(set.Layout.PanopticJson(split), null, set.Layout.ImageFolder(split), split);
            var instances = CocoInstancesReader.Read(set.Layout.InstancesJson(split), set.Layout.ImageFolder(split), split);

            foreach (var report in new[] { DatasetValidator.Check(panoptic, split, new ValidationOptions { DecodeImages = true }), DatasetValidator.Check(instances, split) })
            {
                report.Problems.Should().BeEmpty();
                report.Images.Should().Be(split == "train" ? 6 : 2);
                report.Histogram.Sum(c => c.Instances + c.Crowd).Should().BeGreaterThan(0);
            }
        }
        set.Summaries.Sum(s => s.Things).Should().BeGreaterThan(10);
        set.Summaries.Select(s => s.Images).Should().Equal(6, 2);
    }

    [Fact]
    public void Its_panoptic_ground_truth_against_itself_is_pq_one()
    {
        var dataset = PanopticDataset.Load(set.Layout.PanopticJson("train"));
        var evaluator = new PanopticEvaluator(dataset.Categories);
        foreach (var annotation in dataset.Annotations)
        {
            var image = PanopticImage.Load(annotation, set.Layout.PanopticFolder("train"));
            evaluator.Process(image, image);
        }

        var metrics = evaluator.Evaluate();
        metrics.ImageCount.Should().Be(6);
        metrics.All.Pq.Should().Be(1.0);
        metrics.Things.N.Should().BeGreaterThan(0);
        metrics.Stuff.N.Should().BeGreaterThan(0);
    }

    [Theory]
    [InlineData(CocoIouType.Segm)]
    [InlineData(CocoIouType.Bbox)]
    public void Its_instances_against_themselves_are_ap_one(CocoIouType type)
    {
        var groundTruth = CocoDataset.Load(set.Layout.InstancesJson("train"));
        var detections = groundTruth.Annotations.Where(a => !a.IsCrowd)
            .Select(a => new CocoDetection(a.ImageId, a.CategoryId, 1.0, type == CocoIouType.Bbox ? a.Box : null, type == CocoIouType.Segm ? a.Segmentation : null));

        var metrics = CocoEvaluator.Evaluate(groundTruth, detections, new CocoEvaluationOptions { IouType = type });

        metrics.Stats.AP.Should().BeApproximately(1.0, 1e-12, "pycocotools' precision is tp / (tp + fp + 2^-52)");
        groundTruth.Annotations.Should().Contain(a => a.IsCrowd, "the set has crowd regions (iscrowd = 1)");
    }

    [Fact]
    public void Polygon_annotations_rasterise_back_to_exactly_the_rle_masks()
    {
        using var polygons = new TempDirectory();
        SyntheticDatasetWriter.Write(set.Options with { OutputDir = polygons.Path, InstanceFormat = InstanceFormat.Polygon, ValImages = 0 });
        var rle = CocoDataset.Load(set.Layout.InstancesJson("train"));
        var poly = CocoDataset.Load(new SyntheticLayout(polygons.Path).InstancesJson("train"));

        poly.Annotations.Should().HaveCount(rle.Annotations.Count);
        foreach (var (a, b) in rle.Annotations.Zip(poly.Annotations))
        {
            var image = rle.FindImage(a.ImageId)!;
            b.Segmentation.Should().BeOfType(a.IsCrowd ? typeof(CompressedRleSegmentation) : typeof(PolygonSegmentation));
            var expected = a.Segmentation!.ToMask(image.Height, image.Width);
            var actual = b.Segmentation!.ToMask(image.Height, image.Width);
            actual.Counts.ToArray().Should().Equal(expected.Counts.ToArray(), $"annotation {a.Id} must rasterise to the same pixels");
            actual.Area.Should().Be((long)a.Area);
        }
    }

    [Fact]
    public void Jpeg_images_decode_to_the_scene_within_jpeg_error_and_pass_the_validator()
    {
        using var jpeg = new TempDirectory();
        SyntheticDatasetWriter.Write(set.Options with { OutputDir = jpeg.Path, Jpeg = true, TrainImages = 2, ValImages = 0 });
        var layout = new SyntheticLayout(jpeg.Path);
        var load = CocoPanopticReader.Read(layout.PanopticJson("train"), null, layout.ImageFolder("train"), "train");

        load.Records.Select(r => Path.GetFileName(r.FileName)).Should().Equal("000001.jpg", "000002.jpg");
        DatasetValidator.Check(load, "train", new ValidationOptions { DecodeImages = true }).Problems.Should().BeEmpty();
        using var decoded = Panoptic.Torch.Vision.ImageCodec.Read(load.Records[0].FileName);
        using var png = Panoptic.Torch.Vision.ImageCodec.Read(Path.Combine(set.Layout.ImageFolder("train"), "000001.png"));
        using var error = decoded.To(Panoptic.Torch.DType.Float32).Sub(png.To(Panoptic.Torch.DType.Float32)).Abs().Mean();
        error.ToDouble().Should().BeLessThan(6, "quality 95 JPEG of the same scene as the PNG");
    }

    private static SortedDictionary<string, string> Hashes(string root) => new(
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(root, f),
            f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);
}
