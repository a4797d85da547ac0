using Led.Toolkit.Learning;
using static TorchSharp.torch;

namespace Led.Toolkit.Tests.Learning;

public class ReferenceInitialisationTests
{
    [Fact]
    public void BiasesBecomeTheReferenceValueAndWeightsXavierUniform()
    {
        manual_seed(3);
        using var module = nn.Sequential(("0", nn.Linear(200, 300)), ("1", nn.Linear(300, 50)));

        ReferenceInitialisation.Apply(module);

        foreach (var (name, parameter) in module.named_parameters())
        {
            if (name.EndsWith(".bias", StringComparison.Ordinal))
            {
                Assert.True(parameter.eq(ReferenceInitialisation.Bias).all().item<bool>(), name);
                continue;
            }
            double bound = Math.Sqrt(6.0 / (parameter.shape[0] + parameter.shape[1]));
            double maxAbs = parameter.abs().max().item<float>();
            Assert.InRange(maxAbs, 0.99 * bound, bound);
            Assert.InRange(parameter.std().item<float>(), 0.97 * bound / Math.Sqrt(3), 1.03 * bound / Math.Sqrt(3));
        }
    }

    [Fact]
    public void OneDimensionalParametersOtherThanBiasesAreLeftAlone()
    {
        using var norm = nn.LayerNorm(8);

        ReferenceInitialisation.Apply(norm);

        Assert.True(norm.weight!.eq(1).all().item<bool>());
        Assert.True(norm.bias!.eq(ReferenceInitialisation.Bias).all().item<bool>());
    }

    [Fact]
    public void TheSameSeedGivesTheSameWeights()
    {
        float[] Initialised()
        {
            manual_seed(11);
            using var linear = nn.Linear(6, 4);
            ReferenceInitialisation.Apply(linear);
            return linear.weight!.data<float>().ToArray();
        }

        Assert.Equal(Initialised(), Initialised());
    }
}
