using Panoptic.Evaluation.Masks;

namespace Panoptic.Evaluation.Tests.Masks;

public class RleStringTests
{
    // Hand derivations of pycocotools' format (5-bit groups, char = 48 + group, +32 when more follow, bit 4 of the
    // last group is the sign; from the 4th count on, the difference to the count two places before is stored):
    //   [3, 2, 5]      -> '3' '2' '5'                                  = "325"
    //   [2, 5, 4, 2]   -> '2' '5' '4', then 2 - 5 = -3: -3 & 31 = 29, -3 >> 5 = -1 and bit 4 set, so it ends: 48 + 29 = 'M'
    //   [100, 4]       -> 100 & 31 = 4, 100 >> 5 = 3 (more): 48 + 4 + 32 = 'T', then '3'; then '4'   = "T34"
    //   [0, 16]        -> '0', then 16 has bit 4 set, so a positive 16 needs a second group: 48 + 16 + 32 = '`', then '0'
    //   [0, 5, 20, 5, 20] -> '0' '5', 20 -> 'd' '0' (as for 16), then 5 - 5 = 0 -> '0' and 20 - 20 = 0 -> '0'
    [Theory]
    [InlineData(new uint[] { 3, 2, 5 }, "325")]
    [InlineData(new uint[] { 2, 5, 4, 2 }, "254M")]
    [InlineData(new uint[] { 100, 4 }, "T34")]
    [InlineData(new uint[] { 0, 16 }, "0`0")]
    [InlineData(new uint[] { 0, 5, 20, 5, 20 }, "05d000")]
    public void Encodes_and_decodes_hand_derived_strings(uint[] counts, string expected)
    {
        RleString.Encode(counts).Should().Be(expected);
        RleString.DecodeCounts(expected).Should().Equal(counts);
    }

    [Fact]
    public void Round_trips_large_and_negative_differences()
    {
        uint[] counts = [0, 1_000_000, 7, 3, 2_000_000, 1, 0, 65_535];
        var text = RleString.Encode(counts);
        RleString.DecodeCounts(text).Should().Equal(counts);
    }

    [Fact]
    public void Rejects_bad_characters_and_truncation()
    {
        var bad = () => RleString.DecodeCounts("32~");
        bad.Should().Throw<FormatException>().WithMessage("*invalid character*");
        var truncated = () => RleString.DecodeCounts("3T");
        truncated.Should().Throw<FormatException>().WithMessage("*truncated*");
    }

    [Fact]
    public void Decode_checks_the_counts_cover_the_image()
    {
        var wrong = () => RleString.Decode("325", 3, 3);
        wrong.Should().Throw<FormatException>().WithMessage("*add up to 10*");
        RleString.Decode("325", 2, 5).Area.Should().Be(2);
    }
}
