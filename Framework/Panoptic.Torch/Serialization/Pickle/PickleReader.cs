using System.Buffers.Binary;
using System.Text;

namespace Panoptic.Torch.Serialization.Pickle;

/// <summary>A cursor over pickle bytes: fixed-width little-endian reads, counted slices and text lines.</summary>
internal sealed class PickleReader(byte[] data)
{
    private int _position;

    public int Position => _position;

    public bool AtEnd => _position >= data.Length;

    public byte ReadByte() => Take(1)[0];

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    /// <summary>BINFLOAT's 8-byte big-endian IEEE double.</summary>
    public double ReadBigEndianDouble() => BinaryPrimitives.ReadDoubleBigEndian(Take(8));

    /// <summary><paramref name="length"/> bytes; a length past the end of the data is an error.</summary>
    public ReadOnlySpan<byte> Take(long length)
    {
        if (length < 0 || length > data.Length - _position)
            throw new PickleException($"the pickle ends inside a {length}-byte field (truncated data?)");
        var span = data.AsSpan(_position, (int)length);
        _position += (int)length;
        return span;
    }

    /// <summary>Bytes up to the next '\n' (consumed, not returned), as Latin-1 text, for the protocol-0 opcodes.</summary>
    public string ReadLine()
    {
        var rest = data.AsSpan(_position);
        var end = rest.IndexOf((byte)'\n');
        if (end < 0) throw new PickleException("the pickle ends inside a text line (truncated data?)");
        _position += end + 1;
        return Encoding.Latin1.GetString(rest[..end]);
    }
}
