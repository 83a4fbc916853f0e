using System.Security.Cryptography;
using System.Text.Json;
using FluentAssertions;
using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Structures;
using Panoptic.Core.Data.Mapping;
using Panoptic.Core.Tests.Data.Coco;
using Panoptic.Core.Tests.Support;
using Panoptic.Torch;
using Xunit;

namespace Panoptic.Core.Tests.Data.Mapping;

/// <summary>Mapping the real COCO panoptic sample: JPEG decoding and Panoptic FPN targets, against independent Python.</summary>
public sealed class SampleMappingTests
{
    private static MappedExample Map(DatasetRecord record, MapperOptions options) =>
        new DatasetMapper(TransformPipeline.Identity, options).Map(record, new Random(0));

    [Theory]
    [InlineData(ImageFormat.RGB)]
    [InlineData(ImageFormat.BGR)]
    public void Decodes_the_real_jpegs_exactly_as_torchvision_does(ImageFormat format)
    {
        var reference = JsonDocument.Parse(PythonReference.Run("""
            import sys, json, hashlib
            from torchvision.io import read_image
            out = {}
            for path in sys.argv[1:]:
                x = read_image(path)  # (3, H, W) uint8, RGB, libjpeg
                out[path] = {"shape": list(x.shape), "sha": hashlib.sha256(x.numpy().tobytes()).hexdigest(),
                             "px": x[:, 100, 200].tolist(), "last": x[:, -1, -1].tolist(), "sum": int(x.long().sum())}
            print(json.dumps(out))
            """, CocoPanopticSampleTests.Load().Records.Select(r => r.FileName).ToArray())).RootElement;

        foreach (var record in CocoPanopticSampleTests.Load().Records)
        {
            using var example = Map(record, new MapperOptions { ImageFormat = format, LoadTargets = false });
            var expected = reference.GetProperty(record.FileName);
            using var rgb = format == ImageFormat.RGB ? example.Image.To(DType.UInt8) : example.Image.Flip(0).To(DType.UInt8);

            rgb.Shape.Should().Equal(expected.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()));
            Convert.ToHexStringLower(SHA256.HashData(rgb.ToBytes())).Should().Be(expected.GetProperty("sha").GetString());
            using (var px = rgb[.., 100, 200])
                px.ToArray<byte>().Select(b => (int)b).Should().Equal(expected.GetProperty("px").EnumerateArray().Select(e => e.GetInt32()));
            using (var last = rgb[.., -1, -1])
                last.ToArray<byte>().Select(b => (int)b).Should().Equal(expected.GetProperty("last").EnumerateArray().Select(e => e.GetInt32()));
            using var sum = example.Image.Sum(DType.Float64);
            sum.ToDouble().Should().Be(expected.GetProperty("sum").GetInt64());
            example.Instances.Should().BeNull();
        }
    }

    [Fact]
    public void The_semantic_target_is_detectron2s_panoptic_fpn_convention()
    {
        // detectron2 datasets/prepare_panoptic_fpn.py, re-implemented in numpy: 255 everywhere, then per segment
        // stuff -> 1..S (stuff ids in sorted order), thing (crowd or not) -> 0.
        var reference = JsonDocument.Parse(PythonReference.Run("""
            import sys, os, json
            import numpy as np
            from PIL import Image
            js = json.load(open(sys.argv[1]))
            stuff = sorted(c["id"] for c in js["categories"] if not c["isthing"])
            id_map = {c["id"]: 0 for c in js["categories"] if c["isthing"]}
            id_map.update({s: i + 1 for i, s in enumerate(stuff)})
            out = {}
            for a in js["annotations"]:
                pan = np.asarray(Image.open(os.path.join(sys.argv[2], a["file_name"])), dtype=np.uint32)
                pan = pan[..., 0] + 256 * pan[..., 1] + 256 * 256 * pan[..., 2]
                sem = np.zeros_like(pan, dtype=np.uint8) + 255
                for s in a["segments_info"]:
                    sem[pan == s["id"]] = id_map[s["category_id"]]
                out[str(a["image_id"])] = np.bincount(sem.ravel(), minlength=256).tolist()
            print(json.dumps(out))
            """, SampleData.Json, SampleData.Pngs)).RootElement;

        foreach (var record in CocoPanopticSampleTests.Load().Records)
        {
            using var example = Map(record, new MapperOptions { CrowdSemantics = CrowdSemantics.Thing });
            var histogram = Histogram(example.Semantic!);
            histogram.Should().Equal(reference.GetProperty(record.ImageId.ToString()).EnumerateArray().Select(e => e.GetInt64()));
            histogram[0].Should().BeGreaterThan(0, "thing pixels are class 0");
            histogram[255].Should().BeGreaterThan(0, "unlabeled pixels are ignored");
        }
    }

    [Fact]
    public void Crowd_pixels_can_be_ignored_instead()
    {
        var record = CocoPanopticSampleTests.Load().Records[1];
        var crowdArea = (long)record.Segments.Where(s => s.IsCrowd).Sum(s => s.Area!.Value);

        using var thing = Map(record, new MapperOptions { CrowdSemantics = CrowdSemantics.Thing });
        using var ignore = Map(record, new MapperOptions { CrowdSemantics = CrowdSemantics.Ignore });

        crowdArea.Should().BeGreaterThan(0);
        var (a, b) = (Histogram(thing.Semantic!), Histogram(ignore.Semantic!));
        (b[255] - a[255]).Should().Be(crowdArea);
        (a[0] - b[0]).Should().Be(crowdArea);
    }

    [Fact]
    public void Instances_are_the_non_crowd_things_with_their_png_masks_and_json_boxes()
    {
        foreach (var record in CocoPanopticSampleTests.Load().Records)
        {
            using var example = Map(record, new MapperOptions());
            var things = record.Annotations.Where(a => !a.IsCrowd).ToList();
            var instances = example.Instances!;

            instances.Count.Should().Be(things.Count);
            instances.Get<Tensor>(InstanceFields.GtClasses).ToArray<long>().Should().Equal(things.Select(a => (long)a.CategoryId));
            var boxes = instances.Get<Boxes>(InstanceFields.GtBoxes).Tensor.ToArray<float>();
            var expected = things.SelectMany(a => new[] { a.Box[0], a.Box[1], a.Box[0] + a.Box[2], a.Box[1] + a.Box[3] });
            boxes.Should().Equal(expected, "COCO panoptic bboxes are the tight boxes of the PNG pixels");
            using var areas = instances.Get<BitMasks>(InstanceFields.GtMasks).Tensor.Sum([1, 2]);
            areas.ToArray<long>().Should().Equal(things.Select(a => (long)a.Area!.Value));
        }
    }

    private static long[] Histogram(Tensor semantic)
    {
        var counts = new long[256];
        foreach (var label in semantic.ToArray<long>())
            counts[label]++;
        return counts;
    }
}
