using System.Collections.Concurrent;
using System.Reflection;
using System.Xml.Linq;

namespace Panoptic.Core.Config.Schema;

/// <summary>Reads property summaries from the XML documentation file next to an assembly (every project generates one).</summary>
internal static class XmlDocumentation
{
    private static readonly ConcurrentDictionary<Assembly, IReadOnlyDictionary<string, string>> Cache = new();

    /// <summary>The one-line summary of <paramref name="property"/>, or null.</summary>
    public static string? Summary(PropertyInfo property)
    {
        var type = property.DeclaringType!;
        var members = Cache.GetOrAdd(type.Assembly, Load);
        var id = $"P:{type.FullName?.Replace('+', '.')}.{property.Name}";
        return members.TryGetValue(id, out var summary) ? summary : null;
    }

    private static IReadOnlyDictionary<string, string> Load(Assembly assembly)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(assembly.Location))
            return result;
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(path))
            return result;
        try
        {
            foreach (var member in XDocument.Load(path).Descendants("member"))
            {
                var name = member.Attribute("name")?.Value;
                var summary = member.Element("summary");
                if (name is not null && summary is not null)
                    result[name] = Flatten(summary);
            }
        }
        catch (System.Xml.XmlException)
        {
            // A broken documentation file only costs the descriptions.
        }
        return result;
    }

    private static string Flatten(XElement summary)
    {
        var text = string.Concat(summary.Nodes().Select(node => node switch
        {
            XText t => t.Value,
            XElement { Name.LocalName: "see" or "paramref" or "typeparamref" } e =>
                (e.Attribute("cref") ?? e.Attribute("name") ?? e.Attribute("langword"))?.Value.Split('.', ':').Last() ?? e.Value,
            XElement e => e.Value,
            _ => "",
        }));
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
