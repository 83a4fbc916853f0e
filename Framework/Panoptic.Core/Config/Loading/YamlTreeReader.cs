using Panoptic.Abstractions.Config;
using Panoptic.Core.Config.Tree;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Panoptic.Core.Config.Loading;

/// <summary>Reads YAML text into a <see cref="ConfigNode"/> tree whose every node knows its file:line:column.</summary>
internal static class YamlTreeReader
{
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>Parses one YAML document (YamlDotNet rejects duplicate keys); an empty text gives null.</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="sourceOf">Maps a parser position (1-based line, column) to the node's source.</param>
    /// <param name="errors">Syntax and interpolation problems are added here.</param>
    /// <param name="errorSource">Source for syntax errors that have no usable position.</param>
    public static ConfigNode? Read(string text, Func<int, int, ConfigSource> sourceOf, List<ConfigError> errors, ConfigSource errorSource)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var source = e.Start.Line > 0 ? sourceOf((int)e.Start.Line, (int)e.Start.Column) : errorSource;
            errors.Add(new ConfigError(source, "", $"invalid YAML: {Innermost(e).Message}"));
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            errors.Add(new ConfigError(sourceOf((int)second.Line, (int)second.Column), "", "a config holds one YAML document; found a second one"));
        }
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode, "", sourceOf, errors);
    }

    private static Exception Innermost(Exception e) => e.InnerException is YamlException inner ? Innermost(inner) : e;

    private static ConfigNode Convert(YamlNode node, string path, Func<int, int, ConfigSource> sourceOf, List<ConfigError> errors)
    {
        var source = sourceOf((int)node.Start.Line, (int)node.Start.Column);
        switch (node)
        {
            case YamlScalarNode scalar:
                var quoted = scalar.Style is not ScalarStyle.Plain || (!scalar.Tag.IsEmpty && scalar.Tag.Value == StringTag);
                var text = Interpolation.Expand(scalar.Value ?? "", source, path, errors);
                return new ConfigScalar(text, quoted, source);
            case YamlSequenceNode sequence:
                var list = new ConfigSequence(source);
                list.Items.AddRange(sequence.Children.Select((child, index) => Convert(child, KeyPath.Append(path, index), sourceOf, errors)));
                return list;
            case YamlMappingNode mapping:
                var map = new ConfigMapping(source);
                foreach (var (key, value) in mapping.Children)
                {
                    var keySource = sourceOf((int)key.Start.Line, (int)key.Start.Column);
                    if (key is not YamlScalarNode { Value: { } name })
                    {
                        errors.Add(new ConfigError(keySource, path, "mapping keys must be plain strings"));
                        continue;
                    }
                    map.Set(name, Convert(value, KeyPath.Append(path, name), sourceOf, errors), keySource);
                }
                return map;
            default:
                errors.Add(new ConfigError(source, path, $"unsupported YAML node {node.NodeType}"));
                return new ConfigScalar("", false, source);
        }
    }
}
