using System.Text;
using FluentAssertions;
using Panoptic.Core.Engine.Observability.TensorBoard;
using Panoptic.Core.Tests.Support;
using Xunit;

namespace Panoptic.Core.Tests.Engine;

public sealed class TensorBoardTests : IDisposable
{
    /// <summary>
    /// Reads TFRecord framing and the Event protobuf by hand (struct + a table CRC-32C), checks both CRCs of every
    /// record, prints "step tag value" lines. Debian's python3 has no tensorboard or tensorflow to read them with
    /// (checked: neither imports), so the format is read the way TensorBoard's own record reader does.
    /// </summary>
    private const string Reader = """
        import struct, sys
        table = []
        for n in range(256):
            c = n
            for _ in range(8):
                c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1
            table.append(c)
        def crc32c(data):
            c = 0xFFFFFFFF
            for b in data:
                c = table[(c ^ b) & 0xFF] ^ (c >> 8)
            return c ^ 0xFFFFFFFF
        def masked(data):
            c = crc32c(data)
            return (((c >> 15) | (c << 17)) + 0xA282EAD8) & 0xFFFFFFFF
        def varint(buf, i):
            shift = value = 0
            while True:
                b = buf[i]; i += 1
                value |= (b & 0x7F) << shift; shift += 7
                if b < 0x80: return value, i
        def fields(buf):
            i = 0
            while i < len(buf):
                tag, i = varint(buf, i)
                field, wire = tag >> 3, tag & 7
                if wire == 0: value, i = varint(buf, i)
                elif wire == 1: value = buf[i:i + 8]; i += 8
                elif wire == 5: value = buf[i:i + 4]; i += 4
                elif wire == 2:
                    n, i = varint(buf, i); value = buf[i:i + n]; i += n
                else: raise ValueError("wire type %d" % wire)
                yield field, value
        data = open(sys.argv[1], "rb").read()
        pos = 0
        while pos < len(data):
            header = data[pos:pos + 8]
            (length,) = struct.unpack("<Q", header)
            (length_crc,) = struct.unpack("<I", data[pos + 8:pos + 12])
            assert length_crc == masked(header), "length crc"
            record = data[pos + 12:pos + 12 + length]
            (data_crc,) = struct.unpack("<I", data[pos + 12 + length:pos + 16 + length])
            assert data_crc == masked(record), "data crc"
            pos += 16 + length
            step = 0
            for field, value in fields(record):
                if field == 2: step = value
                if field == 3: print("version", value.decode())
                if field == 5:
                    for _, v in fields(value):
                        tag, number = None, None
                        for f, x in fields(v):
                            if f == 1: tag = x.decode()
                            if f == 2: (number,) = struct.unpack("<f", x)
                        print(step, tag, repr(number))
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Crc32c_matches_the_standard_check_value()
    {
        Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")).Should().Be(0xE3069283);
        Crc32C.Compute([]).Should().Be(0);
    }

    [Fact]
    public void Written_events_parse_back_with_valid_crcs()
    {
        string path;
        using (var writer = new TensorBoardWriter(_dir.Path))
        {
            path = writer.Path;
            writer.AddScalars(0, [new("loss", 1.5), new("lr", 0.02)]);
            writer.AddScalars(300, [new("segm/AP", 0.25), new("skipped", double.NaN)]);
        }

        Path.GetFileName(path).Should().StartWith("events.out.tfevents.");
        using var stream = File.OpenRead(path);
        var events = TfRecord.ReadAll(stream).Select(record => EventProto.Parse(record)).ToList();
        events.Should().HaveCount(3);
        events[0].FileVersion.Should().Be("brain.Event:2");
        events[0].WallTime.Should().BeApproximately(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0, 60);
        events[1].Step.Should().Be(0);
        events[1].Scalars.Should().Equal(new ScalarValue("loss", 1.5f), new ScalarValue("lr", 0.02f));
        events[2].Step.Should().Be(300);
        events[2].Scalars.Should().Equal(new ScalarValue("segm/AP", 0.25f));
    }

    [Fact]
    public void A_corrupted_record_is_detected_by_its_crc()
    {
        using var stream = new MemoryStream();
        TfRecord.Write(stream, EventProto.Scalars(1, 5, [new ScalarValue("x", 2f)]));
        stream.GetBuffer()[14] ^= 0xFF;
        stream.Position = 0;

        var act = () => TfRecord.ReadAll(stream).ToList();

        act.Should().Throw<InvalidDataException>().WithMessage("*data CRC*");
    }

    [Fact]
    public void Python_reads_the_event_file_by_hand_and_checks_every_crc()
    {
        string path;
        using (var writer = new TensorBoardWriter(_dir.Path))
        {
            path = writer.Path;
            writer.AddScalars(19, [new("total_loss", 0.75), new("lr", 0.005)]);
            writer.AddScalars(1_000_000, [new("panoptic/PQ", 41.5)]);
        }

        var output = PythonReference.Run(Reader, path);

        output.ReplaceLineEndings("\n").Should().Be("version brain.Event:2\n19 total_loss 0.75\n19 lr 0.004999999888241291\n1000000 panoptic/PQ 41.5\n");
    }
}
