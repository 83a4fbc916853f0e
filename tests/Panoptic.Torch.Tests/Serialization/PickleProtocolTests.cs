using System.Text;
using System.Text.Json;
using Panoptic.Torch.Serialization;
using Panoptic.Torch.Serialization.Pickle;
using Panoptic.Torch.Tests.Support;

namespace Panoptic.Torch.Tests.Serialization;

/// <summary>
/// CPython pickles one plain value tree with every protocol 0-5; the unpickler must rebuild the same tree, compared
/// through a canonical text form that Python and C# compute independently.
/// </summary>
public class PickleProtocolTests
{
    private const string Script = """
        import sys, json, pickle, struct, collections

        def canon(v):
            if v is None: return "None"
            if isinstance(v, bool): return "T" if v else "F"
            if isinstance(v, int): return "i%d" % v
            if isinstance(v, float): return "f%d" % struct.unpack("<q", struct.pack("<d", v))[0]
            if isinstance(v, str): return "s" + v.encode("utf-8").hex()
            if isinstance(v, bytes): return "b" + v.hex()
            if isinstance(v, tuple): return "(" + ",".join(canon(x) for x in v) + ")"
            if isinstance(v, list): return "[" + ",".join(canon(x) for x in v) + "]"
            if isinstance(v, (set, frozenset)):
                return ("fz" if isinstance(v, frozenset) else "st") + "{" + ",".join(sorted(canon(x) for x in v)) + "}"
            if isinstance(v, dict):
                return ("O" if isinstance(v, collections.OrderedDict) else "") + "{" + ",".join(canon(k) + ":" + canon(x) for k, x in v.items()) + "}"
            raise TypeError(type(v))

        shared = [1, 2]
        value = {
            "ints": [0, 1, -1, 255, 256, 65535, 65536, -2**31, 2**31 - 1, 2**31, 2**40, -2**63, 2**63 - 1],
            "floats": [0.0, -0.0, 1.5, -2.25e-300, 1e300, float("inf"), -float("inf"), 0.1],
            "strings": ["", "plain", "quote ' and \" and \\ back", "line\nbreak", "caf\u00e9 \u2713 \U0001F600", "x" * 300],
            "bytes": [b"", b"\x00\x01\x7f\x80\xff", b"y" * 300],
            "tuples": [(), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4)],
            "flags": (True, False, None),
            "sets": [set(), {1, 2, 3}, frozenset(["a", "b"])],
            "ordered": collections.OrderedDict([("z", 1), ("a", 2)]),
            "nested": {1: {"deep": [[], {}]}, (1, "k"): "tuple key"},
            "s1": shared, "s2": shared,
            "many": list(range(2000)),
        }
        print(canon(value))
        out = {}
        for p in range(0, pickle.HIGHEST_PROTOCOL + 1):
            out[str(p)] = pickle.dumps(value, protocol=p).hex()
        print(json.dumps(out))
        """;

    [Fact]
    public void Every_protocol_rebuilds_the_same_value_tree()
    {
        var lines = PythonReference.Run(Script).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var expected = lines[0];
        using var pickles = JsonDocument.Parse(lines[1]);
        var protocols = pickles.RootElement.EnumerateObject().ToList();
        protocols.Select(p => p.Name).Should().Contain(["0", "1", "2", "3", "4", "5"]);
        foreach (var protocol in protocols)
        {
            var data = Convert.FromHexString(protocol.Value.GetString()!);
            var value = new Unpickler(data, new TorchPickleResolver(), "test.pkl", $"protocol {protocol.Name}").Load();
            Canon(value).Should().Be(expected, $"protocol {protocol.Name} must round-trip");
        }
    }

    [Fact]
    public void A_shared_list_is_one_object_through_the_memo()
    {
        var value = Load("80 02 5d 71 00 4b 01 61 68 00 86 71 01 2e");    // ([1], same list)
        var tuple = value.AsSequence();
        tuple[0].Should().BeSameAs(tuple[1]);
    }

    [Theory]
    [InlineData("80 02 ff", "*unknown pickle opcode 0xff (opcode 0xff at byte 2 of data.pkl)*")]
    [InlineData("80 02 4b", "*ends inside*opcode BININT1 at byte 2*")]
    [InlineData("80 02 4b 01", "*ends at byte 4 without a STOP*")]
    [InlineData("80 02 63 6f 73 0a 73 79 73 74 65 6d 0a 2e", "*global 'os.system' is not allowed*opcode GLOBAL at byte 2*")]
    [InlineData("80 02 68 07 2e", "*memo has no entry 7*BINGET*")]
    [InlineData("80 02 61 2e", "*stack underflow*APPEND*")]
    [InlineData("80 02 82 01 2e", "*extension codes*EXT1*")]
    [InlineData("80 02 5d 71 00 68 00 61 51 2e", "*persistent id [[[[[[[...]]]]]]] is not ('storage'*BINPERSID at byte 8*")]
    [InlineData("80 02 8a 09 00 00 00 00 00 00 00 00 01 2e", "*does not fit in 64 bits*LONG1*")]
    public void Malformed_or_hostile_pickles_are_errors_naming_opcode_offset_and_file(string hex, string message)
    {
        var act = () => Load(hex);
        act.Should().Throw<CheckpointFormatException>().WithMessage("bad.pth: " + message);
    }

    private static PickleValue Load(string hex) =>
        new Unpickler(Convert.FromHexString(hex.Replace(" ", "")), new TorchPickleResolver(), "bad.pth", "data.pkl").Load();

    /// <summary>The C# side of the script's <c>canon</c>.</summary>
    private static string Canon(PickleValue v) => v switch
    {
        PickleNone => "None",
        PickleBool b => b.Value ? "T" : "F",
        PickleInt i => $"i{i.Value}",
        PickleFloat f => $"f{BitConverter.DoubleToInt64Bits(f.Value)}",
        PickleString s => "s" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(s.Value)),
        PickleBytes b => "b" + Convert.ToHexStringLower(b.Value.Span),
        PickleTuple t => "(" + string.Join(",", t.Items.Select(Canon)) + ")",
        PickleList l => "[" + string.Join(",", l.Items.Select(Canon)) + "]",
        PickleSet s => (s.IsFrozen ? "fz" : "st") + "{" + string.Join(",", s.Items.Select(Canon).Order(StringComparer.Ordinal)) + "}",
        PickleDict d => (d.IsOrdered ? "O" : "") + "{" + string.Join(",", d.Entries.Select(e => Canon(e.Key) + ":" + Canon(e.Value))) + "}",
        _ => throw new InvalidOperationException($"unexpected {v.TypeName}"),
    };
}
