using System.Globalization;
using System.Text.Json;
using FluentAssertions;
using Panoptic.Abstractions.Data;
using Panoptic.Core.Data;
using Panoptic.Core.Data.Coco;
using Panoptic.Core.Data.Validation;
using Panoptic.Core.Tests.Support;
using Panoptic.Evaluation.PanopticQuality;
using Xunit;

namespace Panoptic.Core.Tests.Data.Coco;

/// <summary>The real COCO panoptic sample (2 val2017 images, 50 segments, 133 categories).</summary>
public sealed class CocoPanopticSampleTests
{
    internal static DatasetLoad Load() =>
        CocoPanopticReader.Read(SampleData.Json, SampleData.Pngs, SampleData.Images, "coco_panoptic_sample");

    [Fact]
    public void Reads_images_segments_and_categories_with_contiguous_ids()
    {
        var load = Load();

        load.Problems.Should().BeEmpty();
        load.Records.Select(r => (r.ImageId, r.Width, r.Height)).Should().Equal((142238L, 640, 427), (439180L, 640, 360));
        load.Records.Select(r => Path.GetFileName(r.FileName)).Should().Equal("000000142238.jpg", "000000439180.jpg");
        load.Records.SelectMany(r => r.Segments).Should().HaveCount(50);
        load.Records.SelectMany(r => r.Segments).Count(s => s.IsCrowd).Should().Be(3);
        var metadata = load.Metadata;
        metadata.ThingClasses.Should().HaveCount(80);
        metadata.StuffClasses.Should().HaveCount(54, "53 stuff classes after 'things' (detectron2's separated panoptic metadata)");
        metadata.StuffClasses[0].Should().Be("things");
        metadata.ThingClasses[0].Should().Be("person");
        metadata.ThingDatasetIds[79].Should().Be(90, "the last COCO thing id is 90: ids have gaps");
        metadata.StuffDatasetIds[1].Should().Be(92, "the first stuff category (banner) is id 92");
        metadata.PanopticRoot.Should().Be(SampleData.Pngs);
    }

    [Fact]
    public void Contiguous_ids_map_back_to_the_json_category_ids()
    {
        var load = Load();
        using var json = JsonDocument.Parse(File.ReadAllText(SampleData.Json));
        var expected = json.RootElement.GetProperty("annotations").EnumerateArray()
            .SelectMany(a => a.GetProperty("segments_info").EnumerateArray().Select(s => (Image: a.GetProperty("image_id").GetInt64(), Segment: s)))
            .ToDictionary(p => (p.Image, p.Segment.GetProperty("id").GetInt32()), p => p.Segment.GetProperty("category_id").GetInt32());

        foreach (var record in load.Records)
        {
            foreach (var segment in record.Segments)
            {
                var back = segment.IsThing ? load.Metadata.ThingDatasetIds[segment.CategoryId] : load.Metadata.StuffDatasetIds[segment.CategoryId];
                back.Should().Be(expected[(record.ImageId, segment.Id)]);
            }
        }
        expected.Should().HaveCount(50);
    }

    [Fact]
    public void Every_segment_area_is_reproduced_from_the_png()
    {
        var checkedSegments = 0;
        foreach (var record in Load().Records)
        {
            var (width, height, ids) = PanopticIds.ReadPng(record.PanopticSegmentationFile!);
            (width, height).Should().Be((record.Width, record.Height));
            var counts = ids.GroupBy(id => id).ToDictionary(g => g.Key, g => (double)g.Count());
            foreach (var segment in record.Segments)
            {
                counts[segment.Id].Should().Be(segment.Area, $"segment {segment.Id} of image {record.ImageId}");
                checkedSegments++;
            }
            counts.Keys.Where(id => id != 0).Should().BeEquivalentTo(record.Segments.Select(s => s.Id));
        }
        checkedSegments.Should().Be(50);
    }

    [Fact]
    public void The_sample_passes_the_validator_and_its_histogram_counts_the_segments()
    {
        var report = DatasetValidator.Check(Load(), SampleData.Json, new ValidationOptions { DecodeImages = true });

        report.Problems.Should().BeEmpty();
        var person = report.Histogram.Single(c => c.Name == "person");
        (person.Instances, person.Crowd, person.Images).Should().Be((26L, 2L, 2L));
        report.Histogram.Where(c => !c.IsThing).Sum(c => c.Instances).Should().Be(
            Load().Records.SelectMany(r => r.Segments).Count(s => !s.IsThing));
        report.Histogram.Sum(c => c.Instances + c.Crowd).Should().Be(50);
        string.Join(",", report.Histogram.Where(c => c.Images > 0).Select(c => c.Name.ToString(CultureInfo.InvariantCulture)))
            .Should().Be("person,truck,horse,sports ball,gravel,tree-merged,sky-other-merged,grass-merged");
    }
}
