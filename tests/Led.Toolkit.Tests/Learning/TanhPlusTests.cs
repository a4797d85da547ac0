using Led.Toolkit.Learning;
using static TorchSharp.torch;

namespace Led.Toolkit.Tests.Learning;

public class TanhPlusTests
{
    [Fact]
    public void IsHalfPlusHalfTanhAndLiesInTheUnitInterval()
    {
        using var tanhPlus = new TanhPlus();
        using var x = tensor(new[] { -30.0, -1, 0, 0.5, 2, 30 });

        using var y = tanhPlus.forward(x);

        var values = y.data<double>().ToArray();
        double[] inputs = [-30.0, -1, 0, 0.5, 2, 30];
        for (int i = 0; i < inputs.Length; i++) Assert.Equal(0.5 + 0.5 * Math.Tanh(inputs[i]), values[i], 1e-15);
        Assert.Equal(0.5, values[2]);
        Assert.All(values, v => Assert.InRange(v, 0, 1));
    }

    [Fact]
    public void LeavesItsInputUnchangedAndHasNoParameters()
    {
        using var tanhPlus = new TanhPlus();
        using var x = tensor(new[] { -1.0, 1 });

        using var _ = tanhPlus.forward(x);

        Assert.Equal([-1.0, 1], x.data<double>().ToArray());
        Assert.Empty(tanhPlus.parameters());
    }
}
