using System.Text.Json;
using Panoptic.Torch.Serialization;
using Panoptic.Torch.Tests.Support;

namespace Panoptic.Torch.Tests.Serialization;

/// <summary>
/// Debian's PyTorch 1.13 has no <c>safetensors</c> package, so Python reads and writes the format by hand with
/// <c>struct</c>, <c>json</c> and <c>torch.frombuffer</c>: an independent check of the layout in both directions.
/// </summary>
public class SafeTensorsInteropTests : IDisposable
{
    private const string ReadScript = PythonSnippets.Prelude + """
        DTYPES = {"F32": torch.float32, "F64": torch.float64, "F16": torch.float16, "BF16": torch.bfloat16,
                  "I64": torch.int64, "I32": torch.int32, "I16": torch.int16, "I8": torch.int8,
                  "U8": torch.uint8, "BOOL": torch.bool}
        data = open(sys.argv[1], "rb").read()
        (n,) = struct.unpack("<Q", data[:8])
        assert (8 + n) % 8 == 0, "data must start 8-aligned"
        header = json.loads(data[8:8 + n].decode("utf-8"))
        meta = header.pop("__metadata__", {})
        buf = data[8 + n:]
        position = 0
        tensors = []
        for name, info in header.items():
            begin, end = info["data_offsets"]
            assert begin == position, (name, begin, position)
            position = end
            dtype = DTYPES[info["dtype"]]
            t = torch.frombuffer(bytearray(buf[begin:end]), dtype=dtype) if end > begin else torch.empty(0, dtype=dtype)
            t = t.reshape(info["shape"])
            tensors.append({"name": name, "dtype": str(t.dtype)[6:], "shape": list(t.shape),
                            "values": [repr(x) for x in t.reshape(-1).tolist()]})
        assert position == len(buf), "buffer fully used"
        print(json.dumps({"metadata": meta, "tensors": tensors}))
        """;

    private const string WriteScript = PythonSnippets.Prelude + """
        CODES = {torch.float32: "F32", torch.float64: "F64", torch.float16: "F16", torch.bfloat16: "BF16",
                 torch.int64: "I64", torch.int32: "I32", torch.int16: "I16", torch.int8: "I8",
                 torch.uint8: "U8", torch.bool: "BOOL"}
        g = torch.Generator().manual_seed(3)
        tensors = collections.OrderedDict([
            ("weight", torch.randn(4, 3, generator=g)), ("half", torch.randn(5, generator=g).half()),
            ("brain", torch.randn(2, 2, generator=g).bfloat16()), ("count", torch.tensor(41)),
            ("mask", torch.tensor([[True, False], [False, True]])), ("nothing", torch.zeros(0)),
            ("double", torch.randn(3, dtype=torch.float64, generator=g)), ("small", torch.tensor([-3, 4], dtype=torch.int8))])
        # the reference writer's order: larger alignment first, then by name
        order = sorted(tensors, key=lambda k: (-tensors[k].element_size(), k))
        header, offset, blobs = {"__metadata__": {"source": "python", "step": "7"}}, 0, []
        for k in order:
            b = raw(tensors[k])
            header[k] = {"dtype": CODES[tensors[k].dtype], "shape": list(tensors[k].shape), "data_offsets": [offset, offset + len(b)]}
            offset += len(b)
            blobs.append(b)
        text = json.dumps(header).encode("utf-8")
        text += b" " * ((8 - len(text) % 8) % 8)
        with open(sys.argv[1], "wb") as f:
            f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))
        print(json.dumps([facts(k, tensors[k]) for k in order]))
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void PyTorch_reads_our_files_by_hand_with_the_right_dtypes_shapes_values_and_metadata()
    {
        var samples = SampleTensors.Create();
        var path = _folder.File("ours.safetensors");
        try
        {
            SafeTensors.Save(path, samples.Select(s => KeyValuePair.Create(s.Name, s.Tensor)),
                new Dictionary<string, string> { ["format"] = "pt", ["epoch"] = "12" });
        }
        finally
        {
            foreach (var s in samples) s.Tensor.Dispose();
        }

        using var report = JsonDocument.Parse(PythonReference.Run(ReadScript, path));
        var metadata = report.RootElement.GetProperty("metadata").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        metadata.Should().Equal(new Dictionary<string, string?> { ["format"] = "pt", ["epoch"] = "12" });
        var tensors = report.RootElement.GetProperty("tensors").EnumerateArray().ToList();
        tensors.Select(t => t.GetProperty("name").GetString()).Should().Equal(samples.Select(s => s.Name));
        foreach (var (python, sample) in tensors.Zip(samples))
        {
            python.GetProperty("values").EnumerateArray().Select(v => v.GetString()).Should()
                .Equal(sample.PythonValues, $"values of '{sample.Name}'");
        }
        tensors.Single(t => t.GetProperty("name").GetString() == "bf16").GetProperty("dtype").GetString().Should().Be("bfloat16");
        tensors.Single(t => t.GetProperty("name").GetString() == "transposed").GetProperty("shape").EnumerateArray()
            .Select(d => d.GetInt64()).Should().Equal(3, 2);
        tensors.Single(t => t.GetProperty("name").GetString() == "scalar").GetProperty("shape").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void A_file_written_by_Python_in_the_reference_writer_order_loads_bit_identical()
    {
        var path = _folder.File("theirs.safetensors");
        using var report = JsonDocument.Parse(PythonReference.Run(WriteScript, path));
        var expected = TensorFacts.ParseList(report.RootElement);

        using var loaded = SafeTensors.Load(path);
        loaded.Select(e => TensorFacts.Of(e.Key, e.Value)).Should().Equal(expected);
        loaded.Metadata.Should().Equal(new Dictionary<string, string> { ["source"] = "python", ["step"] = "7" });
    }
}
