using Panoptic.Evaluation.Coco;
using Panoptic.Evaluation.Json;
using Panoptic.Evaluation.Masks;
using Panoptic.Evaluation.Tests.Support;

namespace Panoptic.Evaluation.Tests.Json;

public class CocoJsonTests
{
    [Fact]
    public void Reads_every_segmentation_form_and_loose_numbers()
    {
        using var temp = new TempFolder();
        var path = temp.File("gt.json");
        File.WriteAllText(path, """
            {"info": {}, "images": [{"id": 1, "width": 4, "height": 4, "file_name": "a.jpg"}],
             "categories": [{"id": 1, "name": "a", "supercategory": "s"}],
             "annotations": [
               {"id": 1, "image_id": 1, "category_id": 1, "area": 4, "bbox": [1, 1, 2, 2], "iscrowd": 0,
                "segmentation": [[1, 1, 1, 3, 3, 3, 3, 1]]},
               {"id": 2.0, "image_id": 1, "category_id": 1, "area": 16, "bbox": [0, 0, 4, 4], "iscrowd": true,
                "segmentation": {"size": [4, 4], "counts": [0, 16]}},
               {"id": 3, "image_id": 1, "category_id": 1, "area": 2, "bbox": [0, 0, 1, 2], "iscrowd": 0, "ignore": 1,
                "segmentation": {"size": [4, 4], "counts": "02>"}}
             ]}
            """);
        var dataset = CocoDataset.Load(path);
        dataset.Annotations.Should().HaveCount(3);
        dataset.Annotations[0].Segmentation!.ToMask(4, 4).Area.Should().Be(4);
        dataset.Annotations[1].IsCrowd.Should().BeTrue();
        dataset.Annotations[1].Segmentation.Should().BeOfType<UncompressedRleSegmentation>();
        dataset.Annotations[2].Ignore.Should().BeTrue();
        dataset.Annotations[2].Segmentation.Should().BeOfType<CompressedRleSegmentation>();
        dataset.Annotations[2].Segmentation!.ToMask(4, 4).Counts.ToArray().Should().Equal(0u, 2u, 14u);
    }

    [Fact]
    public void Missing_fields_and_bad_json_name_the_file_and_entry()
    {
        using var temp = new TempFolder();
        var path = temp.File("gt.json");
        File.WriteAllText(path, """{"images": [{"id": 1, "width": 4}], "annotations": []}""");
        var act = () => CocoDataset.Load(path);
        act.Should().Throw<CocoDataException>().WithMessage($"{path}: images[0] has no 'height'");
        File.WriteAllText(path, """[{"image_id": 1, "category_id": 1, "score": 0.5, "bbox": [1, 2, 3]}]""");
        var results = () => CocoJsonReader.ReadResults(path);
        results.Should().Throw<CocoDataException>().WithMessage("*results[0] 'bbox' has 3 numbers*");
        File.WriteAllText(path, "{not json");
        results.Should().Throw<CocoDataException>().WithMessage($"{path}: invalid JSON*");
    }

    [Fact]
    public void Results_and_datasets_round_trip()
    {
        using var temp = new TempFolder();
        var mask = PolygonRasterizer.Rasterize([1, 1, 1, 3, 3, 3, 3, 1], 4, 4);
        CocoDetection[] detections =
        [
            new(1, 1, 0.25, new BoxXywh(1, 1, 2, 2), CocoSegmentation.FromMask(mask)),
            new(1, 2, 0.125, null, CompressedRleSegmentation.Compress(mask)),
        ];
        CocoJsonWriter.WriteResults(temp.File("results.json"), detections);
        var read = CocoJsonReader.ReadResults(temp.File("results.json"));
        read.Should().HaveCount(2);
        read[0].Box.Should().Be(new BoxXywh(1, 1, 2, 2));
        ((CompressedRleSegmentation)read[0].Segmentation!).Counts.Should().Be(mask.ToCompressedString());
        read[1].Score.Should().Be(0.125);

        var dataset = new CocoDataset([new CocoImage(1, 4, 4)], [new CocoCategory(1, "a")],
            [new CocoAnnotation(5, 1, 1, 4, new BoxXywh(1, 1, 2, 2), new PolygonSegmentation([[1, 1, 1, 3, 3, 3, 3, 1]]), IsCrowd: true)]);
        CocoJsonWriter.WriteDataset(temp.File("gt.json"), dataset);
        var back = CocoDataset.Load(temp.File("gt.json"));
        back.Annotations.Single().Should().BeEquivalentTo(dataset.Annotations.Single(), o => o.Excluding(a => a.Segmentation));
        back.Annotations.Single().Segmentation!.ToMask(4, 4).Counts.ToArray().Should().Equal(mask.Counts.ToArray());
    }
}
