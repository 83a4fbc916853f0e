using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Panoptic.Evaluation.Json;

/// <summary>Reads a whole JSON file into a wire shape, turning I/O and syntax errors into data errors that name the file.</summary>
internal static class JsonFiles
{
    public static T Read<T>(string path, JsonTypeInfo<T> typeInfo, Func<string, Exception, Exception> error)
    {
        if (!File.Exists(path))
            throw error($"{path}: file not found", new FileNotFoundException(path));
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return JsonSerializer.Deserialize(stream, typeInfo) ?? throw new JsonException("the file holds 'null'");
        }
        catch (JsonException e)
        {
            var where = e.Path is null ? "" : $" at {e.Path} (line {e.LineNumber + 1})";
            throw error($"{path}: invalid JSON{where}: {e.Message}", e);
        }
    }
}
