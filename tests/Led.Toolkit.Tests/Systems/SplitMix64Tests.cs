using Led.Toolkit.Systems;

namespace Led.Toolkit.Tests.Systems;

public class SplitMix64Tests
{
    [Fact]
    public void SeedZeroGivesThePublishedFirstOutputs()
    {
        var rng = new SplitMix64(0);
        ulong[] expected = [0xE220A8397B1DCDAFUL, 0x6E789E6AA1B965F4UL, 0x06C45D188009454FUL, 0xF88BB8A8724C81ECUL, 0x1B39896A51A8749BUL];
        Assert.Equal(expected, expected.Select(_ => rng.NextUInt64()).ToArray());
    }

    [Fact]
    public void Seed1234567GivesThePublishedFirstOutputs()
    {
        var rng = new SplitMix64(1234567);
        Assert.Equal([6457827717110365317UL, 3203168211198807973UL, 9817491932198370423UL], [rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64()]);
    }

    [Fact]
    public void NextDoubleIsTheTop53BitsScaledIntoTheUnitInterval()
    {
        var bits = new SplitMix64(1234567);
        var doubles = new SplitMix64(1234567);
        for (int i = 0; i < 1000; i++)
        {
            double value = doubles.NextDouble();
            Assert.Equal((bits.NextUInt64() >> 11) / 9007199254740992.0, value);
            Assert.InRange(value, 0, 1 - 1.0 / (1UL << 53));
        }
        Assert.Equal(0.3500795420214081, new SplitMix64(1234567).NextDouble());
    }

    [Fact]
    public void ACopyContinuesTheSameStreamIndependently()
    {
        var rng = new SplitMix64(42);
        rng.NextUInt64();
        var copy = rng;
        ulong next = rng.NextUInt64();
        Assert.Equal(next, copy.NextUInt64());
        Assert.NotEqual(next, rng.NextUInt64());
    }
}
