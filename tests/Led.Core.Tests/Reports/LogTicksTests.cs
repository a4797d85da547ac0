using Led.Core.Reports;

namespace Led.Core.Tests.Reports;

public sealed class LogTicksTests
{
    [Fact]
    public void DecadesAreLabelledWithTheirValuesNotTheirExponents()
    {
        var ticks = LogTicks.Major(-3.6, 0.1);
        Assert.Equal(["10⁻³", "10⁻²", "0.1", "1"], ticks.Select(t => t.Label));
        Assert.Equal([-3.0, -2.0, -1.0, 0.0], ticks.Select(t => t.Position));
        Assert.DoesNotContain(ticks, t => t.Label is "-3" or "-2" or "-1" or "0");
    }

    [Fact]
    public void ShortAxesGetOneTwoFiveTicksOrEveryMantissa()
    {
        var ticks = LogTicks.Major(Math.Log10(0.15), Math.Log10(0.9));
        Assert.Equal(["0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"], ticks.Select(t => t.Label));
        ticks = LogTicks.Major(Math.Log10(1.5), Math.Log10(60));
        Assert.Equal(["2", "5", "10", "20", "50"], ticks.Select(t => t.Label));
        Assert.All(ticks, t => Assert.Equal(double.Parse(t.Label, System.Globalization.CultureInfo.InvariantCulture), Math.Pow(10, t.Position), 9));
    }

    [Fact]
    public void LongAxesShowAboutEightDecades()
    {
        var ticks = LogTicks.Major(-20.2, 0.2);
        Assert.Equal(["10⁻¹⁸", "10⁻¹⁵", "10⁻¹²", "10⁻⁹", "10⁻⁶", "10⁻³", "1"], ticks.Select(t => t.Label));
    }

    [Theory]
    [InlineData(1e-3, "10⁻³")]
    [InlineData(2e-5, "2×10⁻⁵")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.5, "0.5")]
    [InlineData(16, "16")]
    [InlineData(1000, "1000")]
    [InlineData(1e4, "10⁴")]
    [InlineData(5e6, "5×10⁶")]
    public void ValuesAreWrittenPlainOrAsPowersOfTen(double value, string label) => Assert.Equal(label, LogTicks.Label(value));

    [Fact]
    public void MinorTicksMarkEveryMantissa() =>
        Assert.Equal([Math.Log10(2), Math.Log10(3), Math.Log10(4), Math.Log10(5)], LogTicks.Minor(0.2, 0.7));
}
