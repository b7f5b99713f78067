// Command etcd is the etcd server of go.etcd.io/etcd/server/v3, built for the tests' API server.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
