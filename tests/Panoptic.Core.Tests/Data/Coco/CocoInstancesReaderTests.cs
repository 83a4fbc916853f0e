using System.Text.Json.Nodes;
using FluentAssertions;
using Panoptic.Abstractions.Data;
using Panoptic.Core.Data.Coco;
using Panoptic.Core.Tests.Support;
using Panoptic.Evaluation.Masks;
using Panoptic.Evaluation.PanopticQuality;
using Xunit;

namespace Panoptic.Core.Tests.Data.Coco;

public sealed class CocoInstancesReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Three categories with gaps in their ids, a polygon, an uncompressed RLE, a compressed RLE crowd, and broken entries.</summary>
    private string WriteFile() => _dir.Write("instances.json", """
        {
          "images": [{"id": 5, "width": 8, "height": 6, "file_name": "a.png"}, {"id": 9, "width": 4, "height": 4, "file_name": "b.png"}],
          "categories": [{"id": 12, "name": "star"}, {"id": 3, "name": "circle"}, {"id": 7, "name": "square"}],
          "annotations": [
            {"id": 1, "image_id": 5, "category_id": 7, "area": 6, "bbox": [1, 1, 3, 2], "iscrowd": 0, "segmentation": [[1, 1, 4, 1, 4, 3, 1, 3]]},
            {"id": 2, "image_id": 5, "category_id": 12, "area": 4, "bbox": [0, 0, 2, 2], "iscrowd": 0, "segmentation": {"size": [6, 8], "counts": [0, 2, 4, 2, 40]}},
            {"id": 3, "image_id": 9, "category_id": 3, "area": 2, "bbox": [0, 0, 1, 2], "iscrowd": 1, "segmentation": {"size": [4, 4], "counts": "02>"}},
            {"id": 4, "image_id": 77, "category_id": 3, "area": 1, "bbox": [0, 0, 1, 1], "iscrowd": 0, "segmentation": [[0, 0, 1, 0, 1, 1]]},
            {"id": 5, "image_id": 9, "category_id": 4, "area": 1, "bbox": [0, 0, 1, 1], "iscrowd": 0, "segmentation": [[0, 0, 1, 0, 1, 1]]},
            {"id": 6, "image_id": 9, "category_id": 3, "area": 1, "bbox": [0, 0, 1, 1], "iscrowd": 0, "segmentation": [[0, 0, 1, 0]]}
          ]
        }
        """);

    [Fact]
    public void Category_ids_become_contiguous_by_sorted_id_and_map_back()
    {
        var load = CocoInstancesReader.Read(WriteFile(), _dir.Path, "toy");

        load.Metadata.ThingClasses.Should().Equal("circle", "square", "star");
        load.Metadata.ThingDatasetIds.Should().BeEquivalentTo(new Dictionary<int, int> { [0] = 3, [1] = 7, [2] = 12 });
        load.Metadata.StuffClasses.Should().BeEmpty();
        var a = load.Records[0].Annotations;
        a.Select(x => x.CategoryId).Should().Equal(1, 2);
        a.Select(x => x.Id).Should().Equal(1L, 2L);
        load.Records[1].Annotations.Single().CategoryId.Should().Be(0);
    }

    [Fact]
    public void Polygons_uncompressed_and_compressed_rle_and_crowds_are_kept()
    {
        var load = CocoInstancesReader.Read(WriteFile(), _dir.Path, "toy");
        var (polygon, uncompressed) = (load.Records[0].Annotations[0], load.Records[0].Annotations[1]);
        var crowd = load.Records[1].Annotations.Single();

        polygon.Polygons!.Single().Should().Equal(1, 1, 4, 1, 4, 3, 1, 3);
        polygon.BoxMode.Should().Be(BoxMode.XYWH);
        polygon.Box.Should().Equal(1, 1, 3, 2);
        uncompressed.Rle.Should().Be(new Abstractions.Data.RleMask(6, 8, RleString.Encode([0, 2, 4, 2, 40])));
        crowd.IsCrowd.Should().BeTrue();
        crowd.Rle.Should().Be(new Abstractions.Data.RleMask(4, 4, "02>"));
        load.Records.Select(r => r.FileName).Should().Equal(Path.Combine(_dir.Path, "a.png"), Path.Combine(_dir.Path, "b.png"));
    }

    [Fact]
    public void Unusable_annotations_are_skipped_and_reported_by_file_and_id()
    {
        var file = WriteFile();
        var load = CocoInstancesReader.Read(file, _dir.Path, "toy");

        load.Problems.Select(p => (p.Kind, p.Severity, p.ImageId, p.Id)).Should().Equal(
            (DatasetProblemKind.UnknownImage, DatasetProblemSeverity.Error, "77", 4L),
            (DatasetProblemKind.UnknownCategory, DatasetProblemSeverity.Error, "9", 5L),
            (DatasetProblemKind.InvalidMask, DatasetProblemSeverity.Warning, "9", 6L),
            (DatasetProblemKind.InvalidMask, DatasetProblemSeverity.Warning, "9", 6L));
        load.Problems.Should().OnlyContain(p => p.File == file);
        load.Problems[1].Message.Should().Be("category_id 4 is not in 'categories' (known: 3, 7, 12)");
        var act = () => load.ThrowIfErrors();
        act.Should().Throw<DatasetDataException>().Which.Problems.Should().HaveCount(2, "warnings do not stop training (detectron2 skips such polygons)");
    }

    [Fact]
    public void The_real_instance_annotations_have_exactly_the_masks_of_the_panoptic_pngs()
    {
        // The sample's detection-format file numbers annotations from 0; COCO ids start at 1, so renumber a copy.
        var json = JsonNode.Parse(File.ReadAllText(SampleData.DetectionFormat))!;
        foreach (var annotation in json["annotations"]!.AsArray())
            annotation!["id"] = annotation["id"]!.GetValue<int>() + 1;
        var copy = _dir.Write("detection.json", json.ToJsonString());

        var instances = CocoInstancesReader.Read(copy, SampleData.Images, "sample_instances");
        var panoptic = CocoPanopticSampleTests.Load();

        instances.Problems.Should().BeEmpty();
        var compared = 0;
        foreach (var record in instances.Records)
        {
            var png = panoptic.Records.Single(r => r.ImageId == record.ImageId);
            var (width, height, ids) = PanopticIds.ReadPng(png.PanopticSegmentationFile!);
            foreach (var annotation in record.Annotations)
            {
                var mask = RleString.Decode(annotation.Rle!.Counts, annotation.Rle.Height, annotation.Rle.Width);
                var match = png.Segments.Single(s => RleBitmap.FromIdMap(ids, height, width, s.Id).Counts.SequenceEqual(mask.Counts));
                match.Area.Should().Be(annotation.Area);
                match.IsCrowd.Should().Be(annotation.IsCrowd);
                instances.Metadata.ThingClasses[annotation.CategoryId].Should().Be(
                    match.IsThing ? panoptic.Metadata.ThingClasses[match.CategoryId] : panoptic.Metadata.StuffClasses[match.CategoryId]);
                compared++;
            }
        }
        compared.Should().Be(50);
    }
}
