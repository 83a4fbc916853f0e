using System.Globalization;
using System.Text;

namespace Panoptic.Torch.Serialization.Pickle;

/// <summary>
/// Python-like text for <see cref="PickleValue"/>s, bounded in depth and items so that deep, huge or
/// self-referencing values (a list that contains itself) render safely in messages.
/// </summary>
internal static class PickleFormatter
{
    private const int MaxDepth = 6;
    private const int MaxItems = 20;

    public static string Format(PickleValue value)
    {
        var text = new StringBuilder();
        Write(text, value, 0);
        return text.ToString();
    }

    private static void Write(StringBuilder text, PickleValue value, int depth)
    {
        switch (value)
        {
            case PickleNone: text.Append("None"); break;
            case PickleBool b: text.Append(b.Value ? "True" : "False"); break;
            case PickleInt i: text.Append(i.Value.ToString(CultureInfo.InvariantCulture)); break;
            case PickleFloat f: text.Append(f.Value.ToString("R", CultureInfo.InvariantCulture)); break;
            case PickleString s: text.Append('\'').Append(s.Value).Append('\''); break;
            case PickleBytes b: text.Append("b'<").Append(b.Value.Length).Append(" bytes>'"); break;
            case PickleTuple t: Items(text, "(", t.Items.Count == 1 ? ",)" : ")", t.Items, depth); break;
            case PickleList l: Items(text, "[", "]", l.Items, depth); break;
            case PickleSet s: Items(text, "{", "}", s.Items, depth); break;
            case PickleDict d: Entries(text, d, depth); break;
            case PickleTensor t: text.Append("tensor(").Append(t.Storage.DType.Name()).Append('[').AppendJoin(", ", t.Size).Append("])"); break;
            case PickleStorage s: text.Append("<storage ").Append(s.Key).Append(": ").Append(s.Numel).Append(" x ").Append(s.DType.Name()).Append('>'); break;
            case PickleGlobal g: text.Append('<').Append(g.FullName).Append('>'); break;
            default: text.Append('<').Append(value.TypeName).Append('>'); break;
        }
    }

    private static void Items(StringBuilder text, string open, string close, IReadOnlyList<PickleValue> items, int depth)
    {
        text.Append(open);
        if (depth >= MaxDepth && items.Count > 0) text.Append("...");
        else
        {
            for (var i = 0; i < Math.Min(items.Count, MaxItems); i++)
            {
                if (i > 0) text.Append(", ");
                Write(text, items[i], depth + 1);
            }
            if (items.Count > MaxItems) text.Append(", ... (").Append(items.Count).Append(" items)");
        }
        text.Append(close);
    }

    private static void Entries(StringBuilder text, PickleDict dict, int depth)
    {
        text.Append('{');
        if (depth >= MaxDepth && dict.Count > 0) text.Append("...");
        else
        {
            for (var i = 0; i < Math.Min(dict.Count, MaxItems); i++)
            {
                if (i > 0) text.Append(", ");
                Write(text, dict.Entries[i].Key, depth + 1);
                text.Append(": ");
                Write(text, dict.Entries[i].Value, depth + 1);
            }
            if (dict.Count > MaxItems) text.Append(", ... (").Append(dict.Count).Append(" entries)");
        }
        text.Append('}');
    }
}
