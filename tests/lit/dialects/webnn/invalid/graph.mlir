// RUN: webnn-opt %s --split-input-file --verify-diagnostics

// Generic form: the data's type must be the result type.
builtin.module attributes {webnn.version = 2} {
  func.func @f() {
    // expected-error@+1 {{'webnn.constant' op data type tensor<2xf32> does not match result type tensor<2xf16>}}
    %0 = "webnn.constant"() <{value = dense<[1.0, 2.0]> : tensor<2xf32>}> : () -> tensor<2xf16>
    func.return
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f() {
    // expected-error@+1 {{'webnn.constant' op data type tensor<4xi32> does not match result type tensor<2x2xi32>}}
    %0 = "webnn.constant"() <{value = dense<[1, 2, 3, 4]> : tensor<4xi32>}> : () -> tensor<2x2xi32>
    func.return
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f() {
    // expected-error@+1 {{'webnn.constant' op needs either inline data or a file and key, not both}}
    %0 = "webnn.constant"() <{value = dense<[1.0, 2.0]> : tensor<2xf32>, file = "weights.npz", key = "w"}> : () -> tensor<2xf32>
    func.return
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f() {
    // expected-error@+1 {{'webnn.constant' op needs either inline data or a file and key, not neither}}
    %0 = "webnn.constant"() : () -> tensor<2xf32>
    func.return
  }
}

// -----

// Generic form: a file without a key.
builtin.module attributes {webnn.version = 2} {
  func.func @f() {
    // expected-error@+1 {{'webnn.constant' op an external constant needs both a file and a key}}
    %0 = "webnn.constant"() <{file = "weights.npz"}> : () -> tensor<2xf32>
    func.return
  }
}

// -----

// Generic form: a key without a file.
builtin.module attributes {webnn.version = 2} {
  func.func @f() {
    // expected-error@+1 {{'webnn.constant' op an external constant needs both a file and a key}}
    %0 = "webnn.constant"() <{key = "w"}> : () -> tensor<2xf32>
    func.return
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f() {
    // expected-error@+1 {{'webnn.constant' op result type tensor<0x3xf32> is invalid: dimension 0 is not a positive size}}
    %0 = webnn.constant file("weights.npz", "w") : tensor<0x3xf32>
    func.return
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f() {
    // expected-error@+1 {{'webnn.constant' op result type tensor<4294967296xi8> is invalid: dimension 4294967296 exceeds the largest valid dimension 4294967295}}
    %0 = webnn.constant file("weights.npz", "w") : tensor<4294967296xi8>
    func.return
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f() {
    // expected-error@+1 {{'webnn.constant' op result type tensor<65536x65536x2xf32> is invalid: tensor of 8589934592 elements (34359738368 bytes) exceeds the limit of 17179869184 bytes}}
    %0 = webnn.constant file("weights.npz", "w") : tensor<65536x65536x2xf32>
    func.return
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f() {
    // expected-error@+1 {{'webnn.constant' op result must be a statically shaped tensor of a WebNN data type, got tensor<2xi16>}}
    %0 = webnn.constant file("weights.npz", "w") : tensor<2xi16>
    func.return
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f() {
    // expected-error@+1 {{'webnn.constant' op result must be a statically shaped tensor of a WebNN data type, got tensor<?xf32>}}
    %0 = webnn.constant file("weights.npz", "w") : tensor<?xf32>
    func.return
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f() {
    // expected-error@+1 {{'webnn.constant' op result must be a statically shaped tensor of a WebNN data type, got tensor<2xi1>}}
    %0 = webnn.constant dense<[true, false]> : tensor<2xi1>
    func.return
  }
}

// -----

// Custom form: the data must be a dense<...> literal (a parse error).
builtin.module attributes {webnn.version = 2} {
  func.func @f() {
    // expected-error@+1 {{expected dense<...> data or file("name.npz", "key")}}
    %0 = webnn.constant 1.0 : f32
    func.return
  }
}

// -----

// Custom form: file(...) without a key (a parse error).
builtin.module attributes {webnn.version = 2} {
  func.func @f() {
    // expected-error@+1 {{Expected ','}}
    %0 = webnn.constant file("weights.npz") : tensor<2xf32>
    func.return
  }
}

// -----

// Inputs are fed by name: two inputs of one name would read the same array.
builtin.module attributes {webnn.version = 2} {
  func.func @main(%a: tensor<2xf32> {webnn.name = "x"},
                  // expected-error@+1 {{'func.func' op graph input #1 is named 'x' like graph input #0; graph input names must be unique}}
                  %b: tensor<2xf32> {webnn.name = "x"}) -> (tensor<2xf32> {webnn.name = "y"}) {
    %0 = webnn.add %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    func.return %0 : tensor<2xf32>
  }
}

// -----

// Every repeat is reported, each naming the first input of that name.
builtin.module attributes {webnn.version = 2} {
  // expected-error@+2 {{'func.func' op graph input #2 is named 'x' like graph input #0}}
  // expected-error@+1 {{'func.func' op graph input #3 is named 'x' like graph input #0}}
  func.func @main(%a: tensor<2xf32> {webnn.name = "x"}, %b: tensor<2xf32> {webnn.name = "z"}, %c: tensor<2xf32> {webnn.name = "x"}, %d: tensor<2xf32> {webnn.name = "x"}) -> (tensor<2xf32> {webnn.name = "y"}) {
    %0 = webnn.add %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    %1 = webnn.add %c, %d : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    %2 = webnn.add %0, %1 : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    func.return %2 : tensor<2xf32>
  }
}

// -----

// An unnamed input is called input<i>; a name may not take that name from it.
builtin.module attributes {webnn.version = 2} {
  // expected-error@+1 {{'func.func' op graph input #1 is named 'input0' like graph input #0}}
  func.func @main(%a: tensor<2xf32>, %b: tensor<2xf32> {webnn.name = "input0"}) -> (tensor<2xf32> {webnn.name = "y"}) {
    %0 = webnn.add %a, %b : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    func.return %0 : tensor<2xf32>
  }
}

// -----

// Outputs are returned by name: of two outputs of one name, one would be lost. The
// signature declares the names, so the function is where the error is.
builtin.module attributes {webnn.version = 2} {
  // expected-error@+1 {{'func.func' op graph output #1 is named 'y' like graph output #0; graph output names must be unique}}
  func.func @main(%x: tensor<2xf32> {webnn.name = "x"}) -> (tensor<2xf32> {webnn.name = "y"}, tensor<2xf32> {webnn.name = "y"}) {
    %0 = webnn.relu %x : (tensor<2xf32>) -> tensor<2xf32>
    %1 = webnn.sigmoid %x : (tensor<2xf32>) -> tensor<2xf32>
    func.return %0, %1 : tensor<2xf32>, tensor<2xf32>
  }
}

// -----

// An input and an output may share a name: inputs and outputs are separate namespaces.
builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<2xf32> {webnn.name = "x"}) -> (tensor<2xf32> {webnn.name = "x"}) {
    %0 = webnn.relu %x : (tensor<2xf32>) -> tensor<2xf32>
    func.return %0 : tensor<2xf32>
  }
}

// -----

// Inline data that does not fit its element type is an error at the literal (it once
// was reported past the op, at the next line).
builtin.module attributes {webnn.version = 2} {
  func.func @f() {
    // expected-error@+1 {{dense data does not fit its element type: float too large to pack with f format}}
    %0 = webnn.constant dense<[1.0, 1.0e39]> : tensor<2xf32>
    func.return
  }
}

// -----

builtin.module attributes {webnn.version = 2} {
  func.func @f() {
    // expected-error@+1 {{dense data does not fit its element type: Integer value 300 is out of range for type ui8}}
    %0 = webnn.constant dense<300> : tensor<2xui8>
    func.return
  }
}
