using AgentMemory.Security.Learned;

namespace AgentMemory.SecurityTrainer;

/// <summary>
/// Logistic regression by AdaGrad over the hashed features, with L2 shrinkage; the result is quantised to int8 with one
/// scale. Deterministic: a fixed shuffle seed.
/// </summary>
internal sealed class LogisticTrainer(int epochs = 6, double learningRate = 0.5, double l2 = 1e-6, int seed = 19)
{
    public InjectionModel Fit(IReadOnlyList<TrainingItem> items)
    {
        var w = new double[InjectionFeatures.Buckets];
        var g2 = new double[InjectionFeatures.Buckets];
        double bias = 0, biasG2 = 0;
        var features = items.Select(i =>
        {
            var list = new List<int>();
            InjectionFeatures.Collect(i.Text, i.MemorySource, list);
            return list.ToArray();
        }).ToArray();
        var order = Enumerable.Range(0, items.Count).ToArray();
        var rnd = new Random(seed);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            rnd.Shuffle(order);
            foreach (var k in order)
            {
                var f = features[k];
                if (f.Length == 0)
                {
                    continue;
                }

                var norm = 1 / Math.Sqrt(f.Length);
                var z = bias;
                foreach (var j in f)
                {
                    z += j >= 0 ? w[j] * norm : -w[~j] * norm;
                }

                var p = 1 / (1 + Math.Exp(-z));
                var grad = p - (items[k].IsAttack ? 1 : 0);
                foreach (var j in f)
                {
                    var idx = j >= 0 ? j : ~j;
                    var gj = (grad * (j >= 0 ? norm : -norm)) + (l2 * w[idx]);
                    g2[idx] += gj * gj;
                    w[idx] -= learningRate * gj / (Math.Sqrt(g2[idx]) + 1e-8);
                }

                biasG2 += grad * grad;
                bias -= learningRate * grad / (Math.Sqrt(biasG2) + 1e-8);
            }
        }

        var max = w.Max(Math.Abs);
        var scale = max == 0 ? 1f : (float)(max / 127);
        var q = new sbyte[w.Length];
        for (var i = 0; i < w.Length; i++)
        {
            q[i] = (sbyte)Math.Clamp(Math.Round(w[i] / scale), -127, 127);
        }

        return new InjectionModel(q, scale, (float)bias);
    }
}
