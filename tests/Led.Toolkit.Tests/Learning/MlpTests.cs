using Led.Toolkit.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Toolkit.Tests.Learning;

public class MlpTests
{
    [Fact]
    public void LinearLayersAlternateWithTanhAndTheLastHasNoActivation()
    {
        using var scope = NewDisposeScope();
        var mlp = Mlp.Create([3, 5, 2]);
        mlp.to(ScalarType.Float64);
        var p = mlp.named_parameters().ToDictionary(kv => kv.name, kv => kv.parameter.detach());
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias"], p.Keys);
        var x = rand(4, 3, dtype: ScalarType.Float64);
        var expected = (x.matmul(p["0.weight"].t()) + p["0.bias"]).tanh().matmul(p["2.weight"].t()) + p["2.bias"];
        Assert.True(allclose(mlp.forward(x), expected, rtol: 0, atol: 1e-14));
        Assert.Throws<ArgumentException>(() => Mlp.Create([3]));
    }
}
