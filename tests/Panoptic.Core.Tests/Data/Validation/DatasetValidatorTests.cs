using System.Text.Json.Nodes;
using FluentAssertions;
using Panoptic.Abstractions.Data;
using Panoptic.Core.Data.Coco;
using Panoptic.Core.Data.Synthetic;
using Panoptic.Core.Data.Validation;
using Panoptic.Core.Tests.Support;
using Xunit;

namespace Panoptic.Core.Tests.Data.Validation;

/// <summary>Each kind of inconsistency, planted in a copy of the synthetic set, is reported by file and id.</summary>
public sealed class DatasetValidatorTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SyntheticLayout _layout;

    public DatasetValidatorTests()
    {
        SyntheticDatasetWriter.Write(new SyntheticDatasetOptions { OutputDir = _dir.Path, TrainImages = 6, ValImages = 0, Width = 64, Height = 64, Seed = 4 });
        _layout = new SyntheticLayout(_dir.Path);
    }

    public void Dispose() => _dir.Dispose();

    private string PanopticJson => _layout.PanopticJson("train");

    private string InstancesJson => _layout.InstancesJson("train");

    private DatasetReport CheckPanoptic() => DatasetValidator.Check(
        CocoPanopticReader.Read(PanopticJson, null, _layout.ImageFolder("train"), "train"), PanopticJson, new ValidationOptions { DecodeImages = true });

    private DatasetReport CheckInstances() => DatasetValidator.Check(
        CocoInstancesReader.Read(InstancesJson, _layout.ImageFolder("train"), "train"), InstancesJson);

    private static void Edit(string path, Action<JsonNode> edit)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
    }

    private static JsonNode Segment(JsonNode json, int annotation, int segment) => json["annotations"]![annotation]!["segments_info"]![segment]!;

    [Fact]
    public void A_clean_set_has_no_problem()
    {
        CheckPanoptic().Problems.Should().BeEmpty();
        CheckInstances().Problems.Should().BeEmpty();
    }

    [Fact]
    public void Every_kind_of_panoptic_inconsistency_is_reported_with_its_file_and_ids()
    {
        long Id(JsonNode json, int a, int s) => Segment(json, a, s)["id"]!.GetValue<long>();
        var expected = new List<(DatasetProblemKind Kind, string File, string Image, long? Id)>();
        var png = (int image) => Path.Combine(_layout.PanopticFolder("train"), $"{image:D6}.png");
        Edit(PanopticJson, json =>
        {
            var annotations = json["annotations"]!.AsArray();
            Segment(json, 0, 0)["area"] = Segment(json, 0, 0)["area"]!.GetValue<long>() + 5;
            expected.Add((DatasetProblemKind.AreaMismatch, png(1), "1", Id(json, 0, 0)));
            Segment(json, 1, 1)["category_id"] = 42;
            expected.Add((DatasetProblemKind.UnknownCategory, PanopticJson, "2", Id(json, 1, 1)));
            expected.Add((DatasetProblemKind.UnlistedSegment, png(2), "2", Id(json, 1, 1)));
            var duplicate = Segment(json, 2, 0).DeepClone();
            annotations[2]!["segments_info"]!.AsArray().Add(duplicate);
            expected.Add((DatasetProblemKind.DuplicateId, PanopticJson, "3", duplicate["id"]!.GetValue<long>()));
            annotations[2]!["segments_info"]!.AsArray().Add(new JsonObject { ["id"] = 250, ["category_id"] = 1, ["iscrowd"] = 0, ["area"] = 10, ["bbox"] = new JsonArray(60, 60, 10, 10) });
            expected.Add((DatasetProblemKind.MissingSegment, png(3), "3", 250));
            expected.Add((DatasetProblemKind.BoxOutsideImage, PanopticJson, "3", 250));
            annotations[3]!["image_id"] = 99;
            expected.Add((DatasetProblemKind.UnknownImage, PanopticJson, "99", null));
            annotations.Add(annotations[4]!.DeepClone());
            expected.Add((DatasetProblemKind.DuplicateId, PanopticJson, "5", null));
            json["images"]![5]!["width"] = 65;
            expected.Add((DatasetProblemKind.SizeMismatch, png(6), "6", null));
            expected.Add((DatasetProblemKind.SizeMismatch, Path.Combine(_layout.ImageFolder("train"), "000006.png"), "6", null));
        });
        File.Delete(Path.Combine(_layout.ImageFolder("train"), "000005.png"));
        expected.Add((DatasetProblemKind.MissingImage, Path.Combine(_layout.ImageFolder("train"), "000005.png"), "5", null));

        var report = CheckPanoptic();

        report.Problems.Select(p => (p.Kind, p.File, p.ImageId, p.Id)).Should().BeEquivalentTo(expected);
        report.HasErrors.Should().BeTrue();
        report.Problems.Should().OnlyContain(p => p.Message.Length > 10);
    }

    [Fact]
    public void Every_kind_of_instance_inconsistency_is_reported_with_its_file_and_ids()
    {
        Edit(InstancesJson, json =>
        {
            var a = json["annotations"]!.AsArray();
            a[0]!["area"] = a[0]!["area"]!.GetValue<double>() + 3;
            a[1]!["bbox"] = new JsonArray(50, 50, 20, 5);
            a[2]!["category_id"] = 77;
            a[3]!["image_id"] = 1234;
            a[4]!["segmentation"]!["size"] = new JsonArray(32, 128);
        });

        var problems = CheckInstances().Problems.Select(p => (p.Kind, p.File, p.Id)).ToList();

        problems.Should().BeEquivalentTo(new[]
        {
            (DatasetProblemKind.UnknownCategory, InstancesJson, (long?)3),
            (DatasetProblemKind.UnknownImage, InstancesJson, (long?)4),
            (DatasetProblemKind.AreaMismatch, InstancesJson, (long?)1),
            (DatasetProblemKind.BoxOutsideImage, InstancesJson, (long?)2),
            (DatasetProblemKind.SizeMismatch, InstancesJson, (long?)5),
        });
    }

    [Fact]
    public void An_unreadable_png_is_reported_not_thrown()
    {
        var png = Path.Combine(_layout.PanopticFolder("train"), "000002.png");
        File.WriteAllBytes(png, [1, 2, 3]);

        var problem = CheckPanoptic().Problems.Single();

        (problem.Kind, problem.File, problem.ImageId).Should().Be((DatasetProblemKind.UnreadableFile, png, "2"));
    }

    [Fact]
    public void A_broken_file_is_one_problem_and_a_synthetic_folder_checks_each_file()
    {
        File.WriteAllText(InstancesJson, "{ \"images\": [");

        var report = DatasetChecks.File(InstancesJson, _layout.ImageFolder("train"), null, null, new ValidationOptions());

        report.Problems.Single().Kind.Should().Be(DatasetProblemKind.UnreadableFile);
        report.Problems.Single().File.Should().Be(InstancesJson);
        DatasetChecks.SyntheticFolder(_dir.Path, new ValidationOptions()).Select(r => (r.Name, r.HasErrors))
            .Should().Equal(("panoptic_train", false), ("instances_train", true));
    }
}
