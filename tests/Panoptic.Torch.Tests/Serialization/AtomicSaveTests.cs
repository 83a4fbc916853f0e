using Panoptic.Torch.Serialization;

namespace Panoptic.Torch.Tests.Serialization;

public class AtomicSaveTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string[] Leftovers() => Directory.GetFiles(_folder.Path, "*.tmp-*");

    [Fact]
    public void Saving_over_an_existing_file_replaces_it_whole_and_leaves_no_temporary_file()
    {
        var path = _folder.File("model.safetensors");
        using (var old = Torch.Zeros([1000]))
            SafeTensors.Save(path, [KeyValuePair.Create("old", old)]);
        using var fresh = Torch.Arange(5, DType.Float64);
        SafeTensors.Save(path, [KeyValuePair.Create("new", fresh)]);

        using var loaded = SafeTensors.Load(path);
        loaded.Keys.Should().Equal("new");
        loaded["new"].ToArray<double>().Should().Equal(0, 1, 2, 3, 4);
        Leftovers().Should().BeEmpty();
    }

    [Fact]
    public void A_disposed_tensor_in_the_middle_fails_the_save_and_keeps_the_old_file()
    {
        var path = _folder.File("model.safetensors");
        using (var old = Torch.Ones([3]))
            SafeTensors.Save(path, [KeyValuePair.Create("old", old)]);
        var before = File.ReadAllBytes(path);

        using var a = Torch.Ones([4]);
        var dead = Torch.Ones([4]);
        dead.Dispose();
        using var c = Torch.Ones([4]);
        var act = () => SafeTensors.Save(path, [KeyValuePair.Create("a", a), KeyValuePair.Create("dead", dead), KeyValuePair.Create("c", c)]);

        act.Should().Throw<ObjectDisposedException>();
        File.ReadAllBytes(path).Should().Equal(before);
        Leftovers().Should().BeEmpty();
    }

    [Fact]
    public void A_failure_midway_through_writing_deletes_the_partial_file_and_keeps_the_old_one()
    {
        var path = _folder.File("checkpoint.bin");
        File.WriteAllText(path, "old content");

        var act = () => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[3 << 20]);
            Directory.GetFiles(_folder.Path, "*.tmp-*").Should().ContainSingle("the data goes to a temporary file first");
            File.ReadAllText(path).Should().Be("old content");
            throw new IOException("disk full (simulated)");
        });

        act.Should().Throw<IOException>().WithMessage("disk full (simulated)");
        File.ReadAllText(path).Should().Be("old content");
        Leftovers().Should().BeEmpty();
    }

    [Fact]
    public void A_failed_first_save_leaves_no_file_at_all()
    {
        var path = _folder.File("never.safetensors");
        var act = () => AtomicFile.Write(path, _ => throw new InvalidOperationException("boom"));
        act.Should().Throw<InvalidOperationException>();
        File.Exists(path).Should().BeFalse();
        Leftovers().Should().BeEmpty();
    }
}
