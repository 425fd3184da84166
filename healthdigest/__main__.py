from healthdigest.launch import main

# Guarded: worker processes started with "spawn" (Dask's local cluster) import this module
# again, and must not run the command line a second time.
if __name__ == "__main__":
    main()
