using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Structures;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Data.Loading;
using Panoptic.Core.Data.Synthetic;
using Panoptic.Core.Data.Validation;
using Panoptic.Core.Hosting;
using Panoptic.Plugins.Data.Tests.Support;
using Panoptic.Torch;
using Microsoft.Extensions.DependencyInjection;

namespace Panoptic.Plugins.Data.Tests.Datasets;

/// <summary>The shipped dataset configs, with the plugin loaded from its folder as the host loads it.</summary>
public sealed class ConfigPipelineTests : IDisposable
{
    private static readonly PluginSelection DataPluginOnly = new() { BuiltIn = false, Environment = false, CommandLine = [Repository.DataPlugin] };

    private readonly TempFolder _dir = new();
    private readonly SyntheticLayout _layout;

    public ConfigPipelineTests()
    {
        SyntheticDatasetWriter.Write(new SyntheticDatasetOptions { OutputDir = _dir.Path, TrainImages = 6, ValImages = 2, Width = 64, Height = 48, Seed = 21 });
        _layout = new SyntheticLayout(_dir.Path);
    }

    public void Dispose() => _dir.Dispose();

    private PanopticRuntime Synthetic(params string[] extra) => PanopticRuntime.Load(Repository.Config("base/datasets/synthetic_panoptic.yaml"),
    [
        $"dataset.train.0.image_root={_layout.ImageFolder("train")}",
        $"dataset.train.0.annotation_file={_layout.PanopticJson("train")}",
        $"dataset.test.0.image_root={_layout.ImageFolder("val")}",
        $"dataset.test.0.annotation_file={_layout.PanopticJson("val")}",
        .. extra,
    ], DataPluginOnly);

    [Theory]
    [InlineData("base/datasets/coco_instances.yaml", "CocoInstances")]
    [InlineData("base/datasets/coco_panoptic.yaml", "CocoPanoptic")]
    [InlineData("base/datasets/synthetic_panoptic.yaml", "CocoPanoptic")]
    public void The_shipped_dataset_configs_bind_to_the_plugins_components(string config, string source)
    {
        var runtime = PanopticRuntime.Load(Repository.Config(config), [], DataPluginOnly);

        var section = runtime.Config!.Section<DatasetSection>();
        section.Train.Single().Name.Should().Be(source);
        section.TrainTransforms.Select(t => t.Name).Should().Equal("ResizeShortestEdge", "RandomFlip");
        runtime.Services.GetRequiredService<TransformRegistry>().Components.Select(c => c.Name).Should().Equal("Normalize", "RandomFlip", "ResizeShortestEdge");
        runtime.Services.GetRequiredService<DatasetSourceRegistry>().Components.Select(c => c.Name).Should().Equal("CocoInstances", "CocoPanoptic");
    }

    [Fact]
    public void The_synthetic_config_gives_padded_batches_with_panoptic_fpn_targets()
    {
        var pipeline = DataPipeline.From(Synthetic("dataset.loader.num_workers=2").Services);
        var train = pipeline.LoadTrain();

        train.Metadata.ThingClasses.Should().Equal("circle", "square", "triangle", "star", "ellipse");
        train.Metadata.StuffClasses.Should().Equal("things", "sky", "ground", "water", "wall");
        train.Records.Should().HaveCount(6);
        var loader = pipeline.TrainLoader(train, batchSize: 2, seed: 7);
        loader.Settings.NumWorkers.Should().Be(2);
        foreach (var batch in loader.Batches().Take(4))
        {
            using (batch)
            {
                var shape = batch.Images.Tensor.Shape;
                shape.Take(2).Should().Equal(2, 3);
                (shape[2] % 32, shape[3] % 32).Should().Be((0, 0));
                batch.Images.ImageSizes.Should().OnlyContain(s => Math.Min(s.Height, s.Width) >= 224 && Math.Max(s.Height, s.Width) <= 384);
                using var labels = batch.SemanticTargets!.Unique();
                labels.ToArray<long>().Should().OnlyContain(v => v <= 4 || v == 255);
                foreach (var input in batch.Inputs)
                {
                    var masks = input.Instances!.Get<BitMasks>(InstanceFields.GtMasks).Tensor;
                    masks.Shape.Skip(1).Should().Equal(input.Image.Shape.Skip(1));
                    input.Instances.Get<Tensor>(InstanceFields.GtClasses).ToArray<long>().Should().OnlyContain(c => c >= 0 && c < 5);
                }
            }
        }
    }

    [Fact]
    public void The_test_loader_is_one_pass_in_file_order_without_targets()
    {
        var pipeline = DataPipeline.From(Synthetic().Services);
        var val = pipeline.LoadTest().Single();

        var batches = pipeline.TestLoader(val).Batches().ToList();

        batches.Select(b => b.Records.Single().ImageId).Should().Equal(7L, 8L);
        batches.Should().OnlyContain(b => b.Inputs.Single().Instances == null && b.SemanticTargets == null);
        batches.Select(b => b.Images.ImageSizes.Single()).Should().Equal([(256, 341), (256, 341)], "64x48 → short edge 256, long 341");
        batches.ForEach(b => b.Dispose());
    }

    [Fact]
    public void A_config_check_builds_the_sources_through_the_registry()
    {
        var runtime = Synthetic();

        var reports = Check(runtime);
        var broken = Check(Synthetic($"dataset.test.0.annotation_file={_layout.InstancesJson("val")}"));

        reports.Select(r => (r.Name, r.Images, r.HasErrors)).Should().Equal(("synthetic_panoptic_train", 6, false), ("synthetic_panoptic_val", 2, false));
        reports[0].Histogram.Sum(c => c.Instances).Should().BeGreaterThan(6);
        broken[1].HasErrors.Should().BeTrue("an instances file is not a panoptic file");
        broken[1].Problems.Single().File.Should().Be(_layout.InstancesJson("val"));
    }

    [Fact]
    public void Coco_instances_with_polygons_load_through_the_pipeline_and_images_without_annotations_are_filtered()
    {
        using var polygons = new TempFolder();
        SyntheticDatasetWriter.Write(new SyntheticDatasetOptions { OutputDir = polygons.Path, TrainImages = 6, ValImages = 0, Width = 64, Height = 48, Seed = 21, InstanceFormat = InstanceFormat.Polygon });
        var layout = new SyntheticLayout(polygons.Path);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(layout.InstancesJson("train")))!;
        var kept = new System.Text.Json.Nodes.JsonArray(json["annotations"]!.AsArray().Where(a => a!["image_id"]!.GetValue<long>() != 2).Select(a => a!.DeepClone()).ToArray());
        json["annotations"] = kept;
        File.WriteAllText(layout.InstancesJson("train"), json.ToJsonString());
        PanopticRuntime Load(params string[] extra) => PanopticRuntime.Load(Repository.Config("base/datasets/coco_instances.yaml"),
            [$"dataset.train.0.image_root={layout.ImageFolder("train")}", $"dataset.train.0.annotation_file={layout.InstancesJson("train")}", .. extra], DataPluginOnly);

        var filtered = DataPipeline.From(Load().Services);
        var all = DataPipeline.From(Load("dataset.loader.filter_empty_annotations=false").Services).LoadTrain();
        var train = filtered.LoadTrain();

        train.Records.Select(r => r.ImageId).Should().Equal(1L, 3L, 4L, 5L, 6L);
        all.Records.Should().HaveCount(6);
        using var batch = filtered.TrainLoader(train, batchSize: 2, seed: 3).Batches().First();
        var masks = batch.Inputs[0].Instances!.Get<PolygonMasks>(InstanceFields.GtMasks);
        masks.Count.Should().Be(batch.Inputs[0].Instances!.Count);
        masks.Polygons.SelectMany(p => p).Should().OnlyContain(p => p.Length >= 6 && p.Length % 2 == 0);
    }

    private static IReadOnlyList<DatasetReport> Check(PanopticRuntime runtime) =>
        DatasetChecks.Config(runtime.Config!.Section<DatasetSection>(), runtime.Services.GetRequiredService<DatasetSourceRegistry>(), new ValidationOptions());
}
