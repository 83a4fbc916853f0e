using Panoptic.Torch.Serialization;
using Panoptic.Torch.Serialization.Pickle;

namespace Panoptic.Torch.Tests.Serialization;

public class PyTorchCheckpointTests(CheckpointFixture fixture) : IClassFixture<CheckpointFixture>
{
    private static List<TensorFacts> FactsOf(TensorDictionary d) => d.Select(e => TensorFacts.Of(e.Key, e.Value)).ToList();

    [Fact]
    public void Resnet18_state_dict_imports_bit_identical_in_order_with_dtypes_and_shapes()
    {
        using var sd = PyTorchCheckpoint.LoadStateDict(fixture.PathOf("resnet18"));

        var expected = fixture.Reports["resnet18"];
        expected.Should().HaveCount(122);
        FactsOf(sd).Should().Equal(expected);
        sd["bn1.num_batches_tracked"].Shape.Should().BeEmpty();
        sd["bn1.num_batches_tracked"].DType.Should().Be(DType.Int64);
        sd["conv1.weight"].Shape.Should().Equal(64, 3, 7, 7);
        sd.Values.Should().OnlyContain(t => t.IsContiguous && t.Device == Device.Cpu && !t.RequiresGrad);
    }

    [Fact]
    public void Views_of_shared_storage_with_offsets_and_strides_become_compact_contiguous_copies()
    {
        using var sd = PyTorchCheckpoint.LoadStateDict(fixture.PathOf("shared"));

        FactsOf(sd).Should().Equal(fixture.Reports["shared"]);
        sd["a"].ToArray<float>().Should().Equal(2, 3, 4, 5, 6, 7);
        sd["b"].Shape.Should().Equal(5, 4);
        sd["b"].ToArray<float>().Take(4).Should().Equal(0, 5, 10, 15);
        sd["d"].ToArray<float>().Should().Equal(1, 4, 7, 10, 13, 16, 19);
        sd["e"].ToArray<float>().Should().Equal(7, 8, 12, 13);
        sd["f"].Shape.Should().BeEmpty();
        sd["f"].ToDouble().Should().Be(19);
        foreach (var (_, t) in sd)
        {
            t.IsContiguous.Should().BeTrue();
            t.StorageOffset.Should().Be(0);
        }

        // each tensor owns its memory: writing one leaves the others alone
        sd["c"].Zero_();
        sd["a"].ToArray<float>().Should().Equal(2, 3, 4, 5, 6, 7);
    }

    [Fact]
    public void Every_dtype_0d_and_empty_tensors_import_bit_identical()
    {
        using var sd = PyTorchCheckpoint.LoadStateDict(fixture.PathOf("dtypes"));

        FactsOf(sd).Should().Equal(fixture.Reports["dtypes"]);
        sd["int64"].ToArray<long>().Should().Equal(long.MinValue, -1, 0, long.MaxValue, 123456789012345);
        sd["bool"].ToArray<bool>().Should().Equal(true, false, true);
        sd["scalar"].Shape.Should().BeEmpty();
        sd["scalar"].ToDouble().Should().Be(3.5);
        sd["empty"].Shape.Should().Equal(0, 3);
        sd["empty_int"].Shape.Should().Equal(2, 0);
        sd["empty_int"].DType.Should().Be(DType.Int32);
    }

    [Fact]
    public void A_nested_checkpoint_loads_as_a_typed_tree()
    {
        using var root = PyTorchCheckpoint.Load(fixture.PathOf("nested"));

        var dict = root.AsDict();
        dict.Keys.Select(k => k.AsString()).Should().Equal(
            "model", "iteration", "lr", "name", "milestones", "betas", "flags", "big", "neg", "huge", "param", "blob", "size", "tags");
        root["model"].Should().BeOfType<PickleDict>().Which.IsOrdered.Should().BeTrue();
        root["iteration"].AsInt64().Should().Be(5);
        root["lr"].AsDouble().Should().Be(0.125);
        root["name"].AsString().Should().Be("résumé ✓");
        root["milestones"].AsSequence().Select(v => v.AsInt64()).Should().Equal(10, 20);
        root["betas"].Should().BeOfType<PickleTuple>();
        root["betas"].AsSequence().Select(v => v.AsDouble()).Should().Equal(0.9, 0.999);
        root["flags"]["amp"].AsBoolean().Should().BeTrue();
        root["flags"]["ema"].AsBoolean().Should().BeFalse();
        root["flags"]["none"].IsNone.Should().BeTrue();
        root["big"].AsInt64().Should().Be(1L << 40);
        root["neg"].AsInt64().Should().Be(-3);
        root["huge"].AsInt64().Should().Be(long.MaxValue);
        root["blob"].Should().BeOfType<PickleBytes>().Which.Value.ToArray().Should().Equal(0, 1, 255);
        root["size"].AsSequence().Select(v => v.AsInt64()).Should().Equal(2, 3);
        root["tags"].Should().BeOfType<PickleSet>().Which.Items.Select(v => v.AsString()).Should().BeEquivalentTo("a", "b");

        var param = root["param"].Should().BeOfType<PickleTensor>().Subject;
        param.IsParameter.Should().BeTrue();
        param.Tensor.RequiresGrad.Should().BeTrue();
        param.Tensor.ToArray<float>().Should().Equal(2, 2, 2);
        root["model"]["b"].AsTensor().ToArray<float>().Should().Equal(0, 1);
        root.Tensors().Should().HaveCount(3);
    }

    [Fact]
    public void LoadStateDict_picks_a_named_entry_and_names_the_keys_when_the_top_level_is_not_a_state_dict()
    {
        using (var model = PyTorchCheckpoint.LoadStateDict(fixture.PathOf("nested"), entry: "model"))
            FactsOf(model).Should().Equal(fixture.Reports["nested"]);

        var act = () => PyTorchCheckpoint.LoadStateDict(fixture.PathOf("nested"));
        act.Should().Throw<CheckpointFormatException>()
            .WithMessage("*nested.pth*model, iteration, lr*not a state dict*entry: \"model\"*");

        var missing = () => PyTorchCheckpoint.LoadStateDict(fixture.PathOf("nested"), entry: "ema");
        missing.Should().Throw<CheckpointFormatException>().WithMessage("*no entry 'ema'*model, iteration*");

        var bare = () => PyTorchCheckpoint.LoadStateDict(fixture.PathOf("tensor_only"));
        bare.Should().Throw<CheckpointFormatException>().WithMessage("*top level is a Tensor, not a dict of tensors*");
        using var tensor = PyTorchCheckpoint.Load(fixture.PathOf("tensor_only"));
        tensor.AsTensor().ToArray<long>().Should().Equal(0, 1, 2, 3, 4, 5);
    }

    [Fact]
    public void A_global_outside_the_allow_list_is_refused_by_name_with_its_offset()
    {
        var act = () => PyTorchCheckpoint.Load(fixture.PathOf("fraction"));
        act.Should().Throw<CheckpointFormatException>()
            .WithMessage("*fraction.pth*'fractions.Fraction' is not allowed*opcode GLOBAL at byte *data.pkl*");
    }

    [Fact]
    public void Truncated_or_foreign_files_give_a_CheckpointFormatException_naming_the_file()
    {
        var bytes = File.ReadAllBytes(fixture.PathOf("dtypes"));
        foreach (var keep in new[] { 0, 3, 100, bytes.Length / 2, bytes.Length - 10 })
        {
            var path = fixture.Scratch($"truncated-{keep}.pth");
            File.WriteAllBytes(path, bytes[..keep]);
            var act = () => PyTorchCheckpoint.Load(path);
            act.Should().Throw<CheckpointFormatException>().Which.FilePath.Should().Be(path);
        }

        var text = fixture.Scratch("text.pth");
        File.WriteAllText(text, "hello, not a checkpoint");
        ((Action)(() => PyTorchCheckpoint.Load(text))).Should().Throw<CheckpointFormatException>().WithMessage("*no zip signature*");
    }

    [Fact]
    public void Corrupt_tensor_metadata_is_refused_before_reading_out_of_bounds()
    {
        // a storage key that points at a missing record
        var path = fixture.Scratch("renamed.pth");
        RewriteArchive(fixture.PathOf("shared"), path, name => name.EndsWith("/data/0", StringComparison.Ordinal) ? name + "x" : name);
        var act = () => PyTorchCheckpoint.Load(path);
        act.Should().Throw<CheckpointFormatException>().WithMessage("*storage record '*data/0' is missing*");
    }

    [Fact]
    public void Tensors_load_onto_the_requested_device()
    {
        if (!Torch.CudaIsAvailable) return;
        using var sd = PyTorchCheckpoint.LoadStateDict(fixture.PathOf("shared"), Device.Cuda(0));
        sd.Values.Should().OnlyContain(t => t.Device.IsCuda);
        FactsOf(sd).Should().Equal(fixture.Reports["shared"]);
    }

    private static void RewriteArchive(string source, string destination, Func<string, string> rename)
    {
        using var input = System.IO.Compression.ZipFile.OpenRead(source);
        using var output = System.IO.Compression.ZipFile.Open(destination, System.IO.Compression.ZipArchiveMode.Create);
        foreach (var entry in input.Entries)
        {
            var copy = output.CreateEntry(rename(entry.FullName), System.IO.Compression.CompressionLevel.NoCompression);
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }
}
