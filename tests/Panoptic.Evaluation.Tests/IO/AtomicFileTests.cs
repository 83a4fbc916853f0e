using Panoptic.Evaluation.IO;
using Panoptic.Evaluation.Tests.Support;

namespace Panoptic.Evaluation.Tests.IO;

public class AtomicFileTests
{
    [Fact]
    public void Failed_write_keeps_the_old_file_and_leaves_no_temporary()
    {
        using var temp = new TempFolder();
        var path = temp.File("out.json");
        AtomicFile.WriteAllBytes(path, [1, 2, 3]);
        var act = () => AtomicFile.Write(path, stream =>
        {
            stream.WriteByte(9);
            throw new InvalidOperationException("boom");
        });
        act.Should().Throw<InvalidOperationException>();
        File.ReadAllBytes(path).Should().Equal(1, 2, 3);
        Directory.GetFiles(temp.Path).Should().Equal(path);
    }
}
