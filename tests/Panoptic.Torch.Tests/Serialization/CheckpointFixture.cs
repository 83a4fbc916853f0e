using System.Text.Json;
using Panoptic.Torch.Tests.Support;

namespace Panoptic.Torch.Tests.Serialization;

/// <summary>
/// Writes the .pth fixtures once per test run with Debian's PyTorch (nothing binary is committed) and keeps what
/// Python reports about every tensor, computed independently of the files. Every class using the fixture shares
/// one set of files, deleted when the test process exits.
/// </summary>
public sealed class CheckpointFixture
{
    private const string Script = PythonSnippets.Prelude + """
        import fractions
        import torchvision

        out = sys.argv[1]
        report = {}

        def save(name, obj, d=None):
            torch.save(obj, os.path.join(out, name + ".pth"))
            if d is not None:
                report[name] = describe(d)

        torch.manual_seed(0)
        resnet = torchvision.models.resnet18().state_dict()
        save("resnet18", resnet, resnet)

        base = torch.arange(20.)
        shared = collections.OrderedDict([
            ("a", base[2:8]), ("b", base.view(4, 5).t()), ("c", base),
            ("d", base[1::3]), ("e", base.view(4, 5)[1:3, 2:4]), ("f", base[19])])
        save("shared", shared, shared)

        g = torch.Generator().manual_seed(1)
        every = collections.OrderedDict()
        every["float32"] = torch.randn(3, 4, generator=g)
        every["float64"] = torch.randn(5, dtype=torch.float64, generator=g)
        every["float16"] = torch.randn(2, 3, generator=g).half()
        every["bfloat16"] = torch.randn(2, 3, generator=g).bfloat16()
        every["int64"] = torch.tensor([-2**63, -1, 0, 2**63 - 1, 123456789012345])
        every["int32"] = torch.tensor([-2**31, -1, 0, 2**31 - 1], dtype=torch.int32)
        every["int16"] = torch.tensor([-32768, -1, 0, 32767], dtype=torch.int16)
        every["int8"] = torch.tensor([-128, -1, 0, 127], dtype=torch.int8)
        every["uint8"] = torch.tensor([0, 1, 128, 255], dtype=torch.uint8)
        every["bool"] = torch.tensor([True, False, True])
        every["scalar"] = torch.tensor(3.5)
        every["scalar_long"] = torch.tensor(7)
        every["empty"] = torch.zeros(0, 3)
        every["empty_int"] = torch.zeros(2, 0, dtype=torch.int32)
        every["special"] = torch.tensor([float("nan"), float("inf"), -float("inf"), -0.0, 1e-45])
        save("dtypes", every, every)

        model = collections.OrderedDict([("w", torch.ones(2, 2)), ("b", torch.arange(2.))])
        nested = {"model": model, "iteration": 5, "lr": 0.125, "name": "r\u00e9sum\u00e9 \u2713",
                  "milestones": [10, 20], "betas": (0.9, 0.999),
                  "flags": {"amp": True, "ema": False, "none": None},
                  "big": 2**40, "neg": -3, "huge": 2**63 - 1,
                  "param": torch.nn.Parameter(torch.full((3,), 2.0)),
                  "blob": b"\x00\x01\xff", "size": torch.Size([2, 3]), "tags": {"a", "b"}}
        save("nested", nested, model)

        save("fraction", {"x": torch.ones(1), "frac": fractions.Fraction(1, 3)})
        save("tensor_only", torch.arange(6).view(2, 3))

        print(json.dumps(report))
        """;

    private static readonly Lazy<(TempFolder Folder, Dictionary<string, List<TensorFacts>> Reports)> Shared = new(Generate);

    private readonly TempFolder _folder = Shared.Value.Folder;

    /// <summary>Python's facts per fixture (resnet18, shared, dtypes, nested's "model").</summary>
    public IReadOnlyDictionary<string, List<TensorFacts>> Reports { get; } = Shared.Value.Reports;

    private static (TempFolder, Dictionary<string, List<TensorFacts>>) Generate()
    {
        var folder = new TempFolder();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => folder.Dispose();
        var stdout = PythonReference.Run(Script, folder.Path);
        using var json = JsonDocument.Parse(stdout);
        return (folder, json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => TensorFacts.ParseList(p.Value)));
    }

    public string PathOf(string fixture) => _folder.File(fixture + ".pth");

    /// <summary>A scratch file name in the fixture folder.</summary>
    public string Scratch(string name) => _folder.File(name);
}
