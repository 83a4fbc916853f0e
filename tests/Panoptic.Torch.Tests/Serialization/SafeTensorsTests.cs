using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Panoptic.Torch.Serialization;

namespace Panoptic.Torch.Tests.Serialization;

public class SafeTensorsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Save_then_load_is_bit_identical_for_every_dtype_in_order_with_metadata()
    {
        var samples = SampleTensors.Create();
        var metadata = new Dictionary<string, string> { ["format"] = "pt", ["note"] = "caf\u00e9 \"quoted\" \\ {json}" };
        var path = _folder.File("all.safetensors");
        try
        {
            SafeTensors.Save(path, samples.Select(s => KeyValuePair.Create(s.Name, s.Tensor)), metadata);
            using var loaded = SafeTensors.Load(path);

            loaded.Select(e => TensorFacts.Of(e.Key, e.Value))
                .Should().Equal(samples.Select(s => TensorFacts.Of(s.Name, s.Tensor)));
            loaded.Metadata.Should().BeEquivalentTo(metadata);
            loaded["scalar"].Shape.Should().BeEmpty();
            loaded["empty"].Shape.Should().Equal(0, 2);
            loaded["transposed"].ToArray<long>().Should().Equal(0, 3, 1, 4, 2, 5);
            loaded["sliced"].ToArray<long>().Should().Equal(4, 5, 6);
            loaded.Values.Should().OnlyContain(t => t.IsContiguous && t.Device == Device.Cpu);
        }
        finally
        {
            foreach (var s in samples) s.Tensor.Dispose();
        }
    }

    [Fact]
    public void The_file_layout_follows_the_format_exactly()
    {
        using var a = Torch.From(new float[] { 1, 2, 3 });
        using var b = Torch.From(new short[] { -1, 2 });
        var path = _folder.File("layout.safetensors");
        SafeTensors.Save(path, [KeyValuePair.Create("z.first", a), KeyValuePair.Create("a.second", b)],
            new Dictionary<string, string> { ["k"] = "v" });

        var bytes = File.ReadAllBytes(path);
        var n = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        (n % 8).Should().Be(0, "the header is space-padded to a multiple of 8");
        var header = Encoding.UTF8.GetString(bytes, 8, n);
        header.TrimEnd(' ').Should().Be(
            """{"__metadata__":{"k":"v"},"z.first":{"dtype":"F32","shape":[3],"data_offsets":[0,12]},"a.second":{"dtype":"I16","shape":[2],"data_offsets":[12,16]}}""");
        header[header.TrimEnd(' ').Length..].Should().MatchRegex("^ *$");
        bytes.Length.Should().Be(8 + n + 16);
        bytes[(8 + n)..(8 + n + 12)].Should().Equal(a.ToBytes());
        bytes[(8 + n + 12)..].Should().Equal(b.ToBytes());

        var info = SafeTensors.ReadHeader(path);
        info.DataStart.Should().Be(8 + n);
        info.Tensors.Select(t => (t.Name, t.DType, t.Begin, t.End)).Should().Equal(
            ("z.first", DType.Float32, 0L, 12L), ("a.second", DType.Int16, 12L, 16L));
    }

    public static TheoryData<string, string, string> CorruptHeaders => new()
    {
        { """{"t":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", "", "*header runs past*" },
        { """{"t":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", "0102", "*tensor 't' bytes [0, 8) run past the end of the 2-byte data buffer*" },
        { """{"t":{"dtype":"C64","shape":[1],"data_offsets":[0,8]}}""", "0000000000000000", "*tensor 't': unknown or unsupported dtype 'C64'*" },
        { """{"t":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", "0000000000000000", "*tensor 't': data_offsets [0, 8] hold 8 bytes but shape [3] of F32 needs 12*" },
        { """{"a":{"dtype":"U8","shape":[4],"data_offsets":[0,4]},"b":{"dtype":"U8","shape":[4],"data_offsets":[2,6]}}""", "000000000000", "*tensor 'b' bytes [2, 6) overlap tensor 'a' [0, 4)*" },
        { """{"a":{"dtype":"U8","shape":[2],"data_offsets":[2,4]}}""", "00000000", "*bytes [0, 2) before tensor 'a' belong to no tensor*" },
        { """{"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2]}}""", "00000000", "*2 bytes after the last tensor*" },
        { """{"a":{"dtype":"U8","shape":[2],"data_offsets":[2,0]}}""", "0000", "*tensor 'a': data_offsets [2, 0] end before they begin*" },
        { """{"a":{"dtype":"U8","shape":[-2],"data_offsets":[0,2]}}""", "0000", "*tensor 'a': 'shape' entry 0 (-2) is not a non-negative integer*" },
        { """{"a":{"dtype":"U8","shape":[2]}}""", "0000", "*tensor 'a': missing array field 'data_offsets'*" },
        { """{"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2]},"a":{"dtype":"U8","shape":[0],"data_offsets":[2,2]}}""", "0000", "*header names 'a' twice*" },
        { """{"__metadata__":{"epoch":3}}""", "", "*__metadata__ entry 'epoch' is a JSON Number, not a string*" },
        { """[1, 2]""", "", "*header does not start with '{'*" },
        { """{"a": nope}""", "", "*header is not valid JSON*" },
    };

    [Theory]
    [MemberData(nameof(CorruptHeaders))]
    public void A_corrupt_file_is_a_CheckpointFormatException_naming_the_file_and_tensor(string json, string dataHex, string message)
    {
        var path = _folder.File("corrupt.safetensors");
        var header = Encoding.UTF8.GetBytes(json);
        var bytes = new byte[8 + header.Length].AsSpan();
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)header.Length);
        header.CopyTo(bytes[8..]);
        var content = bytes.ToArray().Concat(Convert.FromHexString(dataHex)).ToArray();
        if (message.Contains("header runs past", StringComparison.Ordinal))
        {
            content = content[..^5];    // header length promises more than the file holds
            message = "*header length * runs past the end of the *-byte file (truncated?)*";
        }
        File.WriteAllBytes(path, content);

        var act = () => SafeTensors.Load(path);
        act.Should().Throw<CheckpointFormatException>().WithMessage(path + ": " + message)
            .Which.FilePath.Should().Be(path);
    }

    [Fact]
    public void A_truncated_file_at_any_point_is_a_CheckpointFormatException()
    {
        using var t = Torch.Arange(100, DType.Float32);
        var path = _folder.File("whole.safetensors");
        SafeTensors.Save(path, [KeyValuePair.Create("t", t)]);
        var bytes = File.ReadAllBytes(path);
        var cut = _folder.File("cut.safetensors");
        foreach (var keep in new[] { 0, 5, 8, 20, bytes.Length - 400, bytes.Length - 1 })
        {
            File.WriteAllBytes(cut, bytes[..keep]);
            var act = () => SafeTensors.Load(cut);
            act.Should().Throw<CheckpointFormatException>().Which.FilePath.Should().Be(cut);
        }

        var huge = _folder.File("huge.safetensors");
        File.WriteAllBytes(huge, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, (byte)'{']);
        ((Action)(() => SafeTensors.Load(huge))).Should().Throw<CheckpointFormatException>().WithMessage("*exceeds the*limit*");
    }

    [Fact]
    public void Save_rejects_duplicate_and_reserved_names()
    {
        using var t = Torch.Ones([1]);
        var path = _folder.File("names.safetensors");
        ((Action)(() => SafeTensors.Save(path, [KeyValuePair.Create("x", t), KeyValuePair.Create("x", t)])))
            .Should().Throw<ArgumentException>().WithMessage("*duplicate tensor name 'x'*");
        ((Action)(() => SafeTensors.Save(path, [KeyValuePair.Create("__metadata__", t)])))
            .Should().Throw<ArgumentException>().WithMessage("*reserved*");
        File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public void Load_places_tensors_on_the_requested_device()
    {
        if (!Torch.CudaIsAvailable) return;
        using var t = Torch.From(new float[] { 1, 2, 3 });
        var path = _folder.File("cuda.safetensors");
        SafeTensors.Save(path, [KeyValuePair.Create("t", t)]);
        using var loaded = SafeTensors.Load(path, Device.Cuda(0));
        loaded["t"].Device.IsCuda.Should().BeTrue();
        loaded["t"].ToArray<float>().Should().Equal(1, 2, 3);
    }

    [Fact]
    public void ReadHeader_reports_metadata_without_loading()
    {
        using var t = Torch.Ones([2, 3], DType.BFloat16);
        var path = _folder.File("meta.safetensors");
        SafeTensors.Save(path, [KeyValuePair.Create("w", t)], new Dictionary<string, string> { ["epoch"] = "3" });
        var header = SafeTensors.ReadHeader(path);
        header.Metadata.Should().Equal(new Dictionary<string, string> { ["epoch"] = "3" });
        header.Tensors.Should().ContainSingle().Which.Should().Match<SafeTensorInfo>(i =>
            i.Name == "w" && i.DType == DType.BFloat16 && i.Shape.SequenceEqual(new long[] { 2, 3 }) && i.ByteLength == 12);
        JsonDocument.Parse(File.ReadAllBytes(path)[8..(int)header.DataStart]).RootElement.GetProperty("w").GetProperty("dtype").GetString()
            .Should().Be("BF16");
    }
}
