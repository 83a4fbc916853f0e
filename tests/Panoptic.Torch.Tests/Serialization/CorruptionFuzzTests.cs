using System.IO.Compression;
using Panoptic.Torch.Serialization;

namespace Panoptic.Torch.Tests.Serialization;

/// <summary>
/// Seeded random damage (byte changes, bit flips, truncation) to real files: every outcome must be a successful
/// load or a <see cref="CheckpointFormatException"/> — never another exception type, a hang or a crash.
/// </summary>
public class CorruptionFuzzTests(CheckpointFixture fixture) : IClassFixture<CheckpointFixture>
{
    private const int Rounds = 300;

    [Theory]
    [InlineData("nested")]
    [InlineData("shared")]
    public void A_damaged_pickle_inside_a_valid_zip_never_escapes_as_another_exception(string name)
    {
        var source = fixture.PathOf(name);
        var pickle = ReadEntry(source, "data.pkl");
        var path = fixture.Scratch($"fuzz-pickle-{name}.pth");
        Outcomes(pickle, seed: name.Length, truncate: true, damaged =>
        {
            RewriteWithPickle(source, path, damaged);
            using var _ = PyTorchCheckpoint.Load(path);
        }).Should().BeSubsetOf(["ok", "format"]);
    }

    [Fact]
    public void A_damaged_zip_never_escapes_as_another_exception()
    {
        var path = fixture.Scratch("fuzz-zip.pth");
        Outcomes(File.ReadAllBytes(fixture.PathOf("nested")), seed: 1, truncate: true, damaged =>
        {
            File.WriteAllBytes(path, damaged);
            using var _ = PyTorchCheckpoint.Load(path);
        }).Should().BeSubsetOf(["ok", "format"]);
    }

    [Fact]
    public void A_damaged_safetensors_file_never_escapes_as_another_exception()
    {
        var original = fixture.Scratch("fuzz-source.safetensors");
        var samples = SampleTensors.Create();
        try
        {
            SafeTensors.Save(original, samples.Select(s => KeyValuePair.Create(s.Name, s.Tensor)), new Dictionary<string, string> { ["k"] = "v" });
        }
        finally
        {
            foreach (var s in samples) s.Tensor.Dispose();
        }
        var bytes = File.ReadAllBytes(original);
        var header = (int)SafeTensors.ReadHeader(original).DataStart;
        var path = fixture.Scratch("fuzz.safetensors");
        Outcomes(bytes[..header], seed: 2, truncate: false, damaged =>
        {
            File.WriteAllBytes(path, [.. damaged, .. bytes[header..]]);
            using var _ = SafeTensors.Load(path);
        }).Should().BeSubsetOf(["ok", "format"]);
        Outcomes(bytes, seed: 3, truncate: true, damaged =>
        {
            File.WriteAllBytes(path, damaged);
            using var _ = SafeTensors.Load(path);
        }).Should().BeSubsetOf(["ok", "format"]);
    }

    /// <summary>The distinct outcomes ("ok", "format", or another exception's type and message) of loading damaged copies.</summary>
    private static HashSet<string> Outcomes(byte[] original, int seed, bool truncate, Action<byte[]> load)
    {
        var random = new Random(seed);
        var outcomes = new HashSet<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var damaged = (byte[])original.Clone();
            for (var edits = random.Next(1, 4); edits > 0 && damaged.Length > 0; edits--)
            {
                var at = random.Next(damaged.Length);
                switch (random.Next(truncate ? 3 : 2))
                {
                    case 0: damaged[at] = (byte)random.Next(256); break;
                    case 1: damaged[at] ^= (byte)(1 << random.Next(8)); break;
                    default: damaged = damaged[..at]; break;
                }
            }
            try
            {
                load(damaged);
                outcomes.Add("ok");
            }
            catch (CheckpointFormatException)
            {
                outcomes.Add("format");
            }
            catch (Exception e)
            {
                outcomes.Add($"{e.GetType().Name}: {e.Message}");
            }
        }
        return outcomes;
    }

    private static byte[] ReadEntry(string zipPath, string suffix)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        using var stream = zip.Entries.Single(e => e.FullName.EndsWith("/" + suffix, StringComparison.Ordinal)).Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static void RewriteWithPickle(string source, string destination, byte[] pickle)
    {
        File.Delete(destination);
        using var input = ZipFile.OpenRead(source);
        using var output = ZipFile.Open(destination, ZipArchiveMode.Create);
        foreach (var entry in input.Entries)
        {
            using var to = output.CreateEntry(entry.FullName, CompressionLevel.NoCompression).Open();
            if (entry.FullName.EndsWith("/data.pkl", StringComparison.Ordinal)) to.Write(pickle);
            else
            {
                using var from = entry.Open();
                from.CopyTo(to);
            }
        }
    }
}
