using FluentAssertions;
using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Structures;
using Panoptic.Core.Data.Coco;
using Panoptic.Core.Data.Loading;
using Panoptic.Core.Data.Mapping;
using Panoptic.Core.Tests.Support;
using Panoptic.Torch;
using Xunit;

namespace Panoptic.Core.Tests.Data.Loading;

public sealed class DataLoaderTests(SyntheticSet set) : IClassFixture<SyntheticSet>
{
    private IReadOnlyList<DatasetRecord> Records =>
        CocoPanopticReader.Read(set.Layout.PanopticJson("train"), null, set.Layout.ImageFolder("train"), "train").ThrowIfErrors();

    internal static DataLoader Loader(SyntheticSet set, LoaderSettings settings, CoinFlip? flip = null) =>
        new(CocoPanopticReader.Read(set.Layout.PanopticJson("train"), null, set.Layout.ImageFolder("train"), "train").ThrowIfErrors(),
            new DatasetMapper(new TransformPipeline([flip ?? new CoinFlip()]), new MapperOptions()), settings);

    private DataLoader Loader(LoaderSettings settings, CoinFlip? flip = null) =>
        new(Records, new DatasetMapper(new TransformPipeline([flip ?? new CoinFlip()]), new MapperOptions()), settings);

    /// <summary>What identifies a batch: its images, their pixels and their targets.</summary>
    internal static string Fingerprint(DataBatch batch)
    {
        using var pixels = batch.Images.Tensor.Sum(DType.Float64);
        using var semantic = batch.SemanticTargets!.Sum();
        var boxes = batch.Inputs.Select(i => string.Join(",", i.Instances!.Get<Boxes>(InstanceFields.GtBoxes).Tensor.ToArray<float>()));
        return $"{string.Join(" ", batch.Records.Select(r => r.ImageId))} | {pixels.ToDouble()} | {semantic.ToInt64()} | {string.Join(";", boxes)}";
    }

    internal static List<string> Take(DataLoader loader, int count)
    {
        var result = new List<string>();
        foreach (var batch in loader.Batches().Take(count))
        {
            using (batch)
                result.Add(Fingerprint(batch));
        }
        return result;
    }

    [Fact]
    public void Batches_are_image_lists_padded_to_the_size_divisibility()
    {
        using var batch = Loader(new LoaderSettings { BatchSize = 3, SizeDivisibility = 48 }).Batches().First();

        batch.Images.Tensor.Shape.Should().Equal(3, 3, 96, 96);
        batch.Images.ImageSizes.Should().Equal((64, 64), (64, 64), (64, 64));
        using (var padding = batch.Images.Tensor[.., .., 64.., ..].Abs().Sum())
            padding.ToDouble().Should().Be(0, "images are zero-padded at the bottom/right");
        using (var ignored = batch.SemanticTargets![.., .., 64..].Ne(255).Sum())
            ignored.ToInt64().Should().Be(0, "semantic padding is the ignore label");
        var input = batch.Inputs[1];
        input.Image.Shape.Should().Equal(3, 64, 64);
        using (var same = input.Image.Eq(batch.Images.Tensor[1, .., ..64, ..64]).All())
            same.ToBoolean().Should().BeTrue("an input's image is a view into the batch");
        input.SemanticSegmentation!.Shape.Should().Equal(64, 64);
        (input.Height, input.Width).Should().Be((64, 64));
        input.Instances!.Get<BitMasks>(InstanceFields.GtMasks).Tensor.Shape.Skip(1).Should().Equal(64, 64);
        input.Record.Should().NotBeNull();
    }

    [Fact]
    public void The_batches_for_a_seed_do_not_depend_on_the_number_of_workers()
    {
        var serial = Take(Loader(new LoaderSettings { Seed = 5, NumWorkers = 0 }), 9);
        var one = Take(Loader(new LoaderSettings { Seed = 5, NumWorkers = 1 }), 9);
        var three = Take(Loader(new LoaderSettings { Seed = 5, NumWorkers = 3, PrefetchBatches = 2 }), 9);
        var otherSeed = Take(Loader(new LoaderSettings { Seed = 6, NumWorkers = 2 }), 9);

        one.Should().Equal(serial);
        three.Should().Equal(serial);
        otherSeed.Should().NotEqual(serial);
        serial.Distinct().Should().HaveCount(9, "nine batches span three epochs, each with a new order and new flips");
    }

    [Fact]
    public void Every_epoch_is_a_new_permutation_and_a_finite_pass_keeps_file_order()
    {
        var records = Records;
        var planner = new BatchPlanner(records, new LoaderSettings { Seed = 3 });
        var epochs = Enumerable.Range(0, 4).Select(planner.Order).ToList();

        epochs.Should().OnlyContain(order => order.Order().SequenceEqual(Enumerable.Range(0, records.Count)));
        epochs.Select(o => string.Join(",", o)).Distinct().Should().HaveCount(4);
        var test = new BatchPlanner(records, new LoaderSettings { BatchSize = 4, Shuffle = false, Infinite = false, AspectRatioGrouping = false }).Plan().ToList();
        test.Select(b => b.Items.Select(i => i.Index)).Should().BeEquivalentTo(new[] { new[] { 0, 1, 2, 3 }, new[] { 4, 5 } }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Aspect_ratio_grouping_batches_landscape_and_portrait_apart()
    {
        var records = Enumerable.Range(0, 11).Select(i => new DatasetRecord(i, "x.png", i % 3 == 0 ? 40 : 30, i % 3 == 0 ? 30 : 40)).ToList();

        var batches = new BatchPlanner(records, new LoaderSettings { BatchSize = 2, Seed = 1 }).Plan().Take(30).ToList();

        batches.Should().OnlyContain(b => b.Items.Select(i => records[i.Index].Width > records[i.Index].Height).Distinct().Count() == 1);
        batches.Select(b => b.Sequence).Should().Equal(Enumerable.Range(0, 30).Select(i => (long)i));
        batches.SelectMany(b => b.Items).Select(i => i.Index).Distinct().Should().HaveCount(11);
    }

    [Fact]
    public void Workers_build_at_most_the_prefetch_bound_ahead_of_the_consumer()
    {
        var flip = new CoinFlip();
        var loader = Loader(new LoaderSettings { BatchSize = 2, NumWorkers = 3, PrefetchBatches = 2 }, flip);

        using var batches = loader.Batches().GetEnumerator();
        batches.MoveNext().Should().BeTrue();
        using (batches.Current)
        {
            Thread.Sleep(500);
            flip.Sampled.Should().BeLessThanOrEqualTo((2 + 1) * 2, "one batch taken plus at most two built ahead");
            flip.Sampled.Should().BeGreaterThanOrEqualTo(2, "the batch taken was mapped");
        }
    }

    [Fact]
    public void A_missing_image_surfaces_on_the_consumer_thread_naming_the_file()
    {
        var records = Records.Select((r, i) => i == 3 ? r with { FileName = r.FileName + ".missing" } : r).ToList();
        var loader = new DataLoader(records, new DatasetMapper(TransformPipeline.Identity, new MapperOptions()),
            new LoaderSettings { BatchSize = 6, NumWorkers = 2, Shuffle = false, Infinite = false });

        var act = () => Take(loader, 1);

        act.Should().Throw<DatasetDataException>().Which.Problems.Single().Should().Match<DatasetProblem>(p =>
            p.Kind == DatasetProblemKind.MissingImage && p.File.EndsWith(".missing") && p.ImageId == records[3].ImageId.ToString());
    }
}
