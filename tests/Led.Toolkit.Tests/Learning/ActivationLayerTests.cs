using Led.Toolkit.Learning;
using static TorchSharp.torch;

namespace Led.Toolkit.Tests.Learning;

public class ActivationLayerTests
{
    private static readonly double[] Points = [-3.0, -1.0, -0.25, 0.0, 0.5, 2.0];

    // Values from the formulas in double precision (math.erf for GELU; PyTorch's SELU constants).
    [Theory]
    [InlineData(Activation.Celu, new[] { -0.950212931632136, -0.632120558828558, -0.221199216928595, 0.0, 0.5, 2.0 })]
    [InlineData(Activation.Elu, new[] { -0.950212931632136, -0.632120558828558, -0.221199216928595, 0.0, 0.5, 2.0 })]
    [InlineData(Activation.Relu, new[] { 0.0, 0.0, 0.0, 0.0, 0.5, 2.0 })]
    [InlineData(Activation.Tanh, new[] { -0.9950547536867305, -0.7615941559557649, -0.24491866240370913, 0.0, 0.46211715726000974, 0.9640275800758169 })]
    [InlineData(Activation.Selu, new[] { -1.6705687287671118, -1.1113307378125625, -0.3888901974781189, 0.0, 0.5253504936777402, 2.101401974710961 })]
    [InlineData(Activation.Gelu, new[] { -0.00404969409489031, -0.15865525393145707, -0.10032341857926907, 0.0, 0.34573123063700656, 1.9544997361036416 })]
    [InlineData(Activation.Silu, new[] { -0.14227761953270035, -0.2689414213699951, -0.10945587477855048, 0.0, 0.3112296656009273, 1.7615941559557646 })]
    public void EachActivation_IsItsFormula(Activation activation, double[] expected)
    {
        using var module = ActivationLayer.Create(activation);
        using var x = tensor(Points);
        using var y = module.call(x);
        var values = y.data<double>().ToArray();
        for (int i = 0; i < Points.Length; i++) Assert.Equal(expected[i], values[i], 8);
        Assert.Empty(module.parameters());
    }

    [Fact]
    public void AnUndefinedActivation_IsRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ActivationLayer.Create((Activation)42));
        Assert.Contains("celu, relu, tanh", error.Message);
    }
}
