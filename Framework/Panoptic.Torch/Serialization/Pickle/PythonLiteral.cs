using System.Globalization;
using System.Text;

namespace Panoptic.Torch.Serialization.Pickle;

/// <summary>Decoders for the text forms of the protocol-0 STRING and UNICODE opcodes.</summary>
internal static class PythonLiteral
{
    /// <summary>A quoted Python 2 <c>str</c> repr (<c>'a\n'</c> or <c>"it's"</c>) with its backslash escapes decoded (as Latin-1).</summary>
    public static string Unquote(string literal)
    {
        if (literal.Length < 2 || literal[0] != literal[^1] || (literal[0] != '\'' && literal[0] != '"'))
            throw new PickleException($"STRING argument {literal} is not a quoted string");
        var body = literal[1..^1];
        var text = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] != '\\' || i + 1 == body.Length)
            {
                text.Append(body[i]);
                continue;
            }
            var c = body[++i];
            switch (c)
            {
                case 'n': text.Append('\n'); break;
                case 't': text.Append('\t'); break;
                case 'r': text.Append('\r'); break;
                case 'a': text.Append('\a'); break;
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'v': text.Append('\v'); break;
                case 'x' when IsHex(body, i + 1, 2):
                    text.Append((char)int.Parse(body.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 2;
                    break;
                case >= '0' and <= '7':
                    var n = 1;
                    while (n < 3 && i + n < body.Length && body[i + n] is >= '0' and <= '7') n++;
                    text.Append((char)(Convert.ToInt32(body.Substring(i, n), 8) & 0xff));
                    i += n - 1;
                    break;
                default: text.Append(c); break;
            }
        }
        return text.ToString();
    }

    /// <summary>Python's <c>raw-unicode-escape</c>: Latin-1 text where only <c>\uXXXX</c> and <c>\UXXXXXXXX</c> are escapes.</summary>
    public static string DecodeRawUnicodeEscape(string raw)
    {
        var text = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var width = i + 1 < raw.Length && raw[i] == '\\' ? raw[i + 1] switch { 'u' => 4, 'U' => 8, _ => 0 } : 0;
            if (width > 0 && IsHex(raw, i + 2, width))
            {
                var codePoint = int.Parse(raw.AsSpan(i + 2, width), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (codePoint is < 0 or > 0x10ffff or (>= 0xd800 and <= 0xdfff))
                    throw new PickleException($"UNICODE escape \\U{codePoint:x8} is not a valid code point");
                text.Append(char.ConvertFromUtf32(codePoint));
                i += 1 + width;
            }
            else text.Append(raw[i]);
        }
        return text.ToString();
    }

    private static bool IsHex(string s, int start, int count) =>
        start + count <= s.Length && !s.AsSpan(start, count).ContainsAnyExcept("0123456789abcdefABCDEF");
}
