from healthdigest.cli import main

main()
