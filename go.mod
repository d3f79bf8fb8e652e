module github.com/lir-lab/lir

go 1.26.8
