Console.WriteLine("Not built yet.");
